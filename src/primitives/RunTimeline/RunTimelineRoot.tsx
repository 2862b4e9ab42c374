'use client';

import { forwardRef, useMemo, useRef, type ComponentPropsWithoutRef } from 'react';
import type { Run } from '../../api/schemas/run.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import { useComposedRefs } from '../internal/useComposedRefs.js';
import { shouldVirtualize, type VirtualListProps } from '../internal/virtualList.js';
import { RunTimelineContext, type RunTimelineContextValue } from './RunTimelineContext.js';
import { timelineLayout, timelineNeedsNow } from './timelineLayout.js';

export interface RunTimelineRootProps extends ComponentPropsWithoutRef<'div'>, VirtualListProps {
  run: Run;
  /** The run's steps, in display order. */
  steps: readonly RunStep[];
  /**
   * Current time in ms, the end of live bars; pass a ticking value to animate them.
   * @default Date.now() at render
   */
  now?: number;
  /**
   * Height of one bar row in px (rows are fixed-height when virtualized).
   * @default 28
   */
  rowHeight?: number;
  /**
   * Accessible name of the list.
   * @default 'Run timeline'
   */
  label?: string;
}

/** A Gantt of a run's steps: `role="list"` and the scroll container of `RunTimeline.Bars`. */
export const RunTimelineRoot = forwardRef<HTMLDivElement, RunTimelineRootProps>(function RunTimelineRoot(
  {
    run,
    steps,
    now,
    virtualize,
    rowHeight = 28,
    label = 'Run timeline',
    onEndReached,
    endReachedThreshold = 10,
    style,
    children,
    ...props
  },
  forwardedRef,
) {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const ref = useComposedRefs<HTMLDivElement>(forwardedRef, scrollRef);
  // `now` only matters while the run or a step is still going; once all ended, a ticking `now`
  // (or the Date.now() default, new on every render) must not recompute every step's bar.
  const layoutNow = timelineNeedsNow(run, steps) ? (now ?? Date.now()) : 0;
  const layout = useMemo(() => timelineLayout(run, steps, layoutNow), [run, steps, layoutNow]);
  const virtualized = shouldVirtualize(virtualize, steps.length);
  const context = useMemo<RunTimelineContextValue>(
    () => ({
      layout,
      steps,
      rowsById: new Map(layout.rows.map((row) => [row.step.id, row])),
      getScrollElement: () => scrollRef.current,
      virtualize: virtualized,
      rowHeight,
      onEndReached,
      endReachedThreshold,
    }),
    [layout, steps, virtualized, rowHeight, onEndReached, endReachedThreshold],
  );
  return (
    <RunTimelineContext.Provider value={context}>
      <div
        role="list"
        aria-label={label}
        // Keyboard-reachable scroll container (axe scrollable-region-focusable).
        tabIndex={0}
        data-state={run.status}
        {...props}
        style={virtualized ? { overflowY: 'auto', ...style } : style}
        ref={ref}
      >
        {children}
      </div>
    </RunTimelineContext.Provider>
  );
});
RunTimelineRoot.displayName = 'RunTimeline.Root';
