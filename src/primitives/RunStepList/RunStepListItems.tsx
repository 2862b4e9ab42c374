'use client';

import { Fragment, type ReactNode } from 'react';
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
  const { steps, estimateSize, virtualize, getScrollElement, onEndReached, endReachedThreshold } = useRunStepListContext('Items');
  const virtualizer = useListVirtualizer({ items: steps, enabled: virtualize, getScrollElement, estimateSize });
  const rows = virtualizer.getVirtualItems();
  useEndReached(virtualize ? rows.at(-1)?.index : undefined, steps.length, onEndReached, endReachedThreshold);
  if (!virtualize) return <>{steps.map((step) => <Fragment key={step.id}>{children(step)}</Fragment>)}</>;
  // `children` itself, not a new arrow: rows already on screen skip re-rendering on scroll.
  return <VirtualRows virtualizer={virtualizer} items={steps} renderItem={children} measure />;
}
RunStepListItems.displayName = 'RunStepList.Items';
