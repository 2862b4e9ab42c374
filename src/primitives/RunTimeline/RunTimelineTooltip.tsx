'use client';

import { forwardRef, useEffect, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { useRunTimelineContext } from './RunTimelineContext.js';
import type { TimelineRow } from './timelineLayout.js';
import { tooltipLines } from './tooltipInfo.js';

/** Lines are `data-line="label|status|start|duration|tokens|cost"`, each a `data-part="term"` and a `data-part="value"`. */
export interface RunTimelineTooltipProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Renders the content for the described bar's row. @default its label, status, start offset, duration, tokens and cost */
  children?: (row: TimelineRow) => ReactNode;
}

/**
 * The one `role="tooltip"` of the whole timeline, for the bar under the pointer or with focus
 * (which points `aria-describedby` at it): the step's start offset from the run's start, duration,
 * tokens and, with `prices` on the Root, cost. `position: fixed` under the bar; hidden otherwise.
 * Escape in the list hides it.
 */
export const RunTimelineTooltip = forwardRef<HTMLDivElement, RunTimelineTooltipProps>(function RunTimelineTooltip(
  { children, style, ...props },
  ref,
) {
  const { tip, rowsById, layout, tooltipId, setHasTooltip, model, prices, currency } = useRunTimelineContext('Tooltip');
  useEffect(() => {
    setHasTooltip(true);
    return () => setHasTooltip(false);
  }, [setHasTooltip]);
  const row = tip ? rowsById.get(tip.stepId) : undefined;
  const price = model ? prices?.[model] : undefined;
  return (
    <div
      role="tooltip"
      id={tooltipId}
      hidden={!row}
      data-state={row ? 'open' : 'closed'}
      {...props}
      ref={ref}
      style={row && tip ? { position: 'fixed', top: tip.top, left: tip.left, ...style } : style}
    >
      {row &&
        (children
          ? children(row)
          : tooltipLines(row, layout, price, currency).map(([part, label, value]) => (
              <div key={part} data-line={part}>
                <span data-part="term">{label}</span> <span data-part="value">{value}</span>
              </div>
            )))}
    </div>
  );
});
RunTimelineTooltip.displayName = 'RunTimeline.Tooltip';
