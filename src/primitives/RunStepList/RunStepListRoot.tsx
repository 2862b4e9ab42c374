'use client';

import { forwardRef, useMemo, useRef, type ComponentPropsWithoutRef } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';
import { useComposedRefs } from '../internal/useComposedRefs.js';
import { shouldVirtualize, type VirtualListProps } from '../internal/virtualList.js';
import { RunStepListContext, type RunStepListContextValue } from './RunStepListContext.js';

export interface RunStepListRootProps extends ComponentPropsWithoutRef<'div'>, VirtualListProps {
  /** The run's steps, in display order. */
  steps: readonly RunStep[];
  /**
   * Estimated row height in px before a row is measured.
   * @default 64
   */
  estimateSize?: number;
  /**
   * Sets `aria-busy` and `data-loading` (e.g. while the next page loads).
   * @default false
   */
  isLoading?: boolean;
  /**
   * Accessible name of the list.
   * @default 'Run steps'
   */
  label?: string;
  /**
   * A step to keep in view: when it changes (selected elsewhere, e.g. in a waterfall or a search),
   * the list scrolls to it, mounting it first when virtualized.
   */
  activeStepId?: string | null;
}

/** `role="list"` of steps and the scroll container `RunStepList.Items` virtualizes against. */
export const RunStepListRoot = forwardRef<HTMLDivElement, RunStepListRootProps>(function RunStepListRoot(
  {
    steps,
    estimateSize = 64,
    virtualize,
    isLoading = false,
    label = 'Run steps',
    activeStepId = null,
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
  const virtualized = shouldVirtualize(virtualize, steps.length);
  const context = useMemo<RunStepListContextValue>(
    () => ({
      steps,
      estimateSize,
      virtualize: virtualized,
      getScrollElement: () => scrollRef.current,
      onEndReached,
      endReachedThreshold,
      activeStepId,
    }),
    [steps, estimateSize, virtualized, onEndReached, endReachedThreshold, activeStepId],
  );
  return (
    <RunStepListContext.Provider value={context}>
      <div
        role="list"
        aria-label={label}
        // A scroll container must be keyboard-reachable (axe scrollable-region-focusable): focus it, then arrow keys scroll.
        tabIndex={0}
        aria-busy={isLoading || undefined}
        data-loading={isLoading ? '' : undefined}
        {...props}
        ref={ref}
        style={virtualized ? { overflowY: 'auto', ...style } : style}
      >
        {children}
      </div>
    </RunStepListContext.Provider>
  );
});
RunStepListRoot.displayName = 'RunStepList.Root';
