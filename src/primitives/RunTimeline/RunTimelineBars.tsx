'use client';

import { Fragment, useCallback, useContext, type ReactNode } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';
import { useEndReached } from '../internal/useEndReached.js';
import { VirtualRows } from '../internal/VirtualRows.js';
import { RunTimelineBar } from './RunTimelineBar.js';
import { RunTimelineListContext, useRunTimelineContext, type RunTimelineListContextValue } from './RunTimelineContext.js';
import { RunTimelineList } from './RunTimelineList.js';

export interface RunTimelineBarsProps {
  /**
   * Renders one step's row, normally a `<RunTimeline.Bar step={step}>`.
   * @default (step) => <RunTimeline.Bar step={step} />
   */
  children?: (step: RunStep) => ReactNode;
}

/**
 * The bars, one row per step; only the visible rows are mounted when the Root virtualizes. Inside
 * a `RunTimeline.List`, or wrapped in one of its own when placed straight in the Root.
 */
export function RunTimelineBars({ children }: RunTimelineBarsProps) {
  const list = useContext(RunTimelineListContext);
  if (!list) {
    return (
      <RunTimelineList>
        <RunTimelineBars>{children}</RunTimelineBars>
      </RunTimelineList>
    );
  }
  return <BarRows list={list}>{children}</BarRows>;
}
RunTimelineBars.displayName = 'RunTimeline.Bars';

function BarRows({ list, children }: RunTimelineBarsProps & { list: RunTimelineListContextValue }) {
  const { steps, virtualize, onEndReached, endReachedThreshold } = useRunTimelineContext('Bars');
  // Stable across scroll frames so bars already on screen skip re-rendering.
  const render = useCallback((step: RunStep) => (children ? children(step) : <RunTimelineBar step={step} />), [children]);
  const rows = list.virtualizer.getVirtualItems();
  useEndReached(virtualize ? rows.at(-1)?.index : undefined, steps.length, onEndReached, endReachedThreshold);
  if (!virtualize) return <>{steps.map((step) => <Fragment key={step.id}>{render(step)}</Fragment>)}</>;
  return <VirtualRows virtualizer={list.virtualizer} items={steps} renderItem={render} measure={false} />;
}
