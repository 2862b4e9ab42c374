'use client';

import { forwardRef, useContext, type ComponentPropsWithoutRef } from 'react';
import { formatDuration } from './formatDuration.js';
import { RunTimelineBarContext, useRunTimelineContext } from './RunTimelineContext.js';

export interface RunTimelineDurationProps extends ComponentPropsWithoutRef<'span'> {}

/** "1.2 s": the enclosing Bar's step duration, or the whole run's outside a Bar. */
export const RunTimelineDuration = forwardRef<HTMLSpanElement, RunTimelineDurationProps>(
  function RunTimelineDuration({ children, ...props }, ref) {
    const { layout } = useRunTimelineContext('Duration');
    const row = useContext(RunTimelineBarContext);
    return (
      <span data-part="duration" data-live={row?.live ? '' : undefined} {...props} ref={ref}>
        {children ?? formatDuration(row ? row.durationMs : layout.durationMs)}
      </span>
    );
  },
);
RunTimelineDuration.displayName = 'RunTimeline.Duration';
