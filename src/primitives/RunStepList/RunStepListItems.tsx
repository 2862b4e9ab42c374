'use client';

import { Fragment, useEffect, useMemo, useReducer, type ReactNode } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';
import { useEndReached } from '../internal/useEndReached.js';
import { useListVirtualizer } from '../internal/useListVirtualizer.js';
import { VirtualRows } from '../internal/VirtualRows.js';
import { useRunStepListContext } from './RunStepListContext.js';

export interface RunStepListItemsProps {
  /** Renders one step, normally a `<RunStep.Root step={step}>` (a `listitem`). */
  children: (step: RunStep) => ReactNode;
}

/** Maps the Root's steps; virtualized rows are measured, since steps differ in height. */
export function RunStepListItems({ children }: RunStepListItemsProps) {
  const { steps, estimateSize, virtualize, getScrollElement, onEndReached, endReachedThreshold, activeStepId } = useRunStepListContext('Items');
  const virtualizer = useListVirtualizer({ items: steps, enabled: virtualize, getScrollElement, estimateSize });
  const rows = virtualizer.getVirtualItems();
  useEndReached(virtualize ? rows.at(-1)?.index : undefined, steps.length, onEndReached, endReachedThreshold);
  useScrollToActiveStep(activeStepId, steps, virtualize ? virtualizer : null, getScrollElement);
  if (!virtualize) return <>{steps.map((step) => <Fragment key={step.id}>{children(step)}</Fragment>)}</>;
  // `children` itself, not a new arrow: rows already on screen skip re-rendering on scroll.
  return <VirtualRows virtualizer={virtualizer} items={steps} renderItem={children} measure />;
}
RunStepListItems.displayName = 'RunStepList.Items';

/**
 * Brings the active step into view when it changes: a virtualized list first scrolls to the row's
 * offset (so it mounts), then the mounted row is scrolled into view exactly (measured rows may
 * differ from the estimate the offset was computed from).
 */
function useScrollToActiveStep(
  activeStepId: string | null,
  steps: readonly RunStep[],
  virtualizer: ReturnType<typeof useListVirtualizer> | null,
  getScrollElement: () => HTMLElement | null,
) {
  // Memoized: the list re-renders on every scroll frame, and a long run is 10 000 steps to look through.
  const index = useMemo(() => (activeStepId === null ? -1 : steps.findIndex((step) => step.id === activeStepId)), [activeStepId, steps]);
  // Renders the rows at the new offset now, not on the scroll event it will fire.
  const [, rerender] = useReducer((renders: number) => renders + 1, 0);
  useEffect(() => {
    if (index === -1 || activeStepId === null) return;
    const reveal = () =>
      getScrollElement()
        ?.querySelector(`[data-step-id="${CSS.escape(activeStepId)}"]`)
        // Feature-checked: jsdom has no scrollIntoView.
        ?.scrollIntoView?.({ block: 'nearest' });
    if (virtualizer?.scrollToIndex(index, 'center')) {
      rerender();
      requestAnimationFrame(reveal);
    } else reveal();
    // Only when the active step (or where it sits) changes, not on every page of steps.
  }, [activeStepId, index, virtualizer, getScrollElement]);
}
