'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';
import { formatDuration } from './formatDuration.js';
import { RunTimelineBarContext, useRunTimelineContext } from './RunTimelineContext.js';
import { RunTimelineDuration } from './RunTimelineDuration.js';

export interface RunTimelineBarProps extends ComponentPropsWithoutRef<'div'> {
  step: RunStep;
}

/**
 * One step's bar (`role="listitem"`), placed with inline `left`/`width` percentages of the run's
 * span; named like "tool_calls step, 1.2 s, completed". Children default to its Duration.
 */
export const RunTimelineBar = forwardRef<HTMLDivElement, RunTimelineBarProps>(function RunTimelineBar(
  { step, style, children, ...props },
  ref,
) {
  const { rowsById } = useRunTimelineContext('Bar');
  const row = rowsById.get(step.id);
  const left = row?.leftPercent ?? 0;
  const width = row?.widthPercent ?? 0;
  const duration = formatDuration(row?.durationMs ?? 0);
  return (
    <RunTimelineBarContext.Provider value={row ?? null}>
      <div
        role="listitem"
        aria-label={`${step.type} step, ${duration}, ${step.status}`}
        data-state={step.status}
        data-step-type={step.step_details.type}
        data-live={row?.live ? '' : undefined}
        {...props}
        ref={ref}
        style={{ position: 'relative', left: `${left}%`, width: `${width}%`, ...style }}
      >
        {children ?? <RunTimelineDuration />}
      </div>
    </RunTimelineBarContext.Provider>
  );
});
RunTimelineBar.displayName = 'RunTimeline.Bar';
