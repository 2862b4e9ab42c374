import { forwardRef, useMemo, useRef, type ComponentPropsWithoutRef } from 'react';
import type { RunStep } from '../../api/schemas/run-step';
import { useComposedRefs } from '../internal/useComposedRefs';
import { RunStepListContext, type RunStepListContextValue } from './RunStepListContext';

export interface RunStepListRootProps extends ComponentPropsWithoutRef<'div'> {
  /** The run's steps, in display order. */
  steps: readonly RunStep[];
  /**
   * Estimated row height in px before a row is measured.
   * @default 64
   */
  estimateSize?: number;
  /**
   * Mount only the visible rows. Give the Root a fixed height (CSS or `style`) when on.
   * @default steps.length > 50
   */
  virtualize?: boolean;
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
   * Called after paint when a virtualized list has rendered a row within `endReachedThreshold`
   * rows of its end, once per list length: load the next page here. Not called when not
   * virtualized — keep a "Load more" button as the keyboard/AT fallback either way.
   * @example <RunStepList.Root steps={steps} onEndReached={() => hasNextPage && fetchNextPage()} />
   */
  onEndReached?: () => void;
  /**
   * How many rows before the end `onEndReached` fires.
   * @default 10
   */
  endReachedThreshold?: number;
}

/** `role="list"` of steps and the scroll container `RunStepList.Items` virtualizes against. */
export const RunStepListRoot = forwardRef<HTMLDivElement, RunStepListRootProps>(function RunStepListRoot(
  {
    steps,
    estimateSize = 64,
    virtualize,
    isLoading = false,
    label = 'Run steps',
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
  const shouldVirtualize = virtualize ?? steps.length > 50;
  const context = useMemo<RunStepListContextValue>(
    () => ({
      steps,
      estimateSize,
      virtualize: shouldVirtualize,
      getScrollElement: () => scrollRef.current,
      onEndReached,
      endReachedThreshold,
    }),
    [steps, estimateSize, shouldVirtualize, onEndReached, endReachedThreshold],
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
        style={shouldVirtualize ? { overflowY: 'auto', ...style } : style}
      >
        {children}
      </div>
    </RunStepListContext.Provider>
  );
});
RunStepListRoot.displayName = 'RunStepList.Root';
