'use client';

import type { RunStep } from '../api/schemas/run-step.js';
import { RunTimeline, type RunTimelineBarsProps } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

const Bar = withSlot(RunTimeline.Bar, 'run-timeline-bar');
const Label = withSlot(RunTimeline.Label, 'run-timeline-label');
const Duration = withSlot(RunTimeline.Duration, 'run-timeline-duration');
const Calls = withSlot(RunTimeline.Calls, 'run-timeline-calls');

// Module-level, so it is the same function on every render (rows on screen skip re-rendering).
// The Bar's own default content, styled; the Calls come after the Bar's hidden status text, so
// they are passed as the Bar's children only through the primitive's default (see RunTimelineBar).
const styledBar = (step: RunStep) => <Bar step={step} />;

/** The bars, styled: by default each a `RunTimelineView.Bar` with its Label, Duration and Calls. */
function Bars({ children }: RunTimelineBarsProps) {
  return <RunTimeline.Bars>{children ?? styledBar}</RunTimeline.Bars>;
}
Bars.displayName = 'RunTimelineView.Bars';

/**
 * The styled waterfall of a run's steps (css-parts/waterfall.css): the Root frames it, the List is
 * the fixed-height scroll container, bars carry a colour and a pattern per status.
 */
export const RunTimelineView = Object.assign(withSlot(RunTimeline.Root, 'run-timeline'), {
  List: withSlot(RunTimeline.List, 'run-timeline-list'),
  Bars,
  Bar,
  Label,
  Duration,
  Calls,
  Tooltip: withSlot(RunTimeline.Tooltip, 'run-timeline-tooltip'),
  ZoomControls: withSlot(RunTimeline.ZoomControls, 'run-timeline-zoom'),
  Axis: withSlot(RunTimeline.Axis, 'run-timeline-axis'),
});
