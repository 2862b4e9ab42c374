'use client';

import { RunTimeline } from '../primitives/index.js';
import { withSlot } from './with-slot.js';

/** The styled Gantt of a run's steps; the Root is the fixed-height scroll container (styles.css). */
export const RunTimelineView = Object.assign(withSlot(RunTimeline.Root, 'run-timeline'), {
  Bars: RunTimeline.Bars,
  Bar: withSlot(RunTimeline.Bar, 'run-timeline-bar'),
  Duration: withSlot(RunTimeline.Duration, 'run-timeline-duration'),
});
