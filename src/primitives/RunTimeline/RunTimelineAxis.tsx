'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { formatDuration } from './formatDuration.js';
import { useRunTimelineContext } from './RunTimelineContext.js';
import { timelineTicks } from './zoom.js';

export interface RunTimelineAxisProps extends ComponentPropsWithoutRef<'div'> {
  /** At most this many intervals between ticks. @default 6 */
  maxTicks?: number;
}

/**
 * Time ticks of the shown range, as offsets from the run's start ("0 ms", "5 s"…), each a
 * `data-part="tick"` span at an inline `left` percentage. Decorative (`aria-hidden`): the bars'
 * names and the tooltip carry the times.
 */
export const RunTimelineAxis = forwardRef<HTMLDivElement, RunTimelineAxisProps>(function RunTimelineAxis({ maxTicks = 6, style, ...props }, ref) {
  const { layout, zoom } = useRunTimelineContext('Axis');
  return (
    <div aria-hidden data-part="axis" {...props} ref={ref} style={{ position: 'relative', ...style }}>
      {timelineTicks(layout, zoom, maxTicks).map((tick) => (
        <span key={tick.offsetMs} data-part="tick" style={{ position: 'absolute', left: `${tick.percent}%` }}>
          {formatDuration(tick.offsetMs)}
        </span>
      ))}
    </div>
  );
});
RunTimelineAxis.displayName = 'RunTimeline.Axis';
