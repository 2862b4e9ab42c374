'use client';

import { Fragment, useCallback, type ReactNode } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';
import { useEndReached } from '../internal/useEndReached.js';
import { useListVirtualizer } from '../internal/useListVirtualizer.js';
import { VirtualRows } from '../internal/VirtualRows.js';
import { RunTimelineBar } from './RunTimelineBar.js';
import { useRunTimelineContext } from './RunTimelineContext.js';

export interface RunTimelineBarsProps {
  /**
   * Renders one step's row, normally a `<RunTimeline.Bar step={step}>`.
   * @default (step) => <RunTimeline.Bar step={step} />
   */
  children?: (step: RunStep) => ReactNode;
}

/** The bars, one row per step; only the visible rows are mounted when the Root virtualizes. */
export function RunTimelineBars({ children }: RunTimelineBarsProps) {
  const { steps, getScrollElement, virtualize, rowHeight, onEndReached, endReachedThreshold } = useRunTimelineContext('Bars');
  // Stable across scroll frames so bars already on screen skip re-rendering.
  const render = useCallback((step: RunStep) => (children ? children(step) : <RunTimelineBar step={step} />), [children]);
  const virtualizer = useListVirtualizer({ items: steps, enabled: virtualize, getScrollElement, estimateSize: rowHeight });
  const rows = virtualizer.getVirtualItems();
  useEndReached(virtualize ? rows.at(-1)?.index : undefined, steps.length, onEndReached, endReachedThreshold);
  if (!virtualize) return <>{steps.map((step) => <Fragment key={step.id}>{render(step)}</Fragment>)}</>;
  return <VirtualRows virtualizer={virtualizer} items={steps} renderItem={render} measure={false} />;
}
RunTimelineBars.displayName = 'RunTimeline.Bars';
