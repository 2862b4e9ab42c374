'use client';

import { createContext, useContext, type MutableRefObject } from 'react';
import type { Run } from '../../api/schemas/run.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import type { ModelPrice } from '../Usage/formatUsage.js';
import type { ListVirtualizer } from '../internal/listVirtualizer.js';
import type { TimelineLayout, TimelineRow } from './timelineLayout.js';
import type { TimelineZoom } from './zoom.js';

/** Where the one tooltip shows: the bar it describes, placed under it (viewport px). */
export interface TimelineTip {
  stepId: string;
  source: 'hover' | 'focus';
  top: number;
  left: number;
}

/** What the List registers with the Root, so the Root's handle and selection can scroll and focus bars. */
export interface TimelineListApi {
  /** Scrolls row `index` into view (mounting it when virtualized). */
  scrollToIndex(index: number): void;
  /** Moves the tab stop and DOM focus to row `index`, scrolling it in first. */
  focusIndex(index: number): void;
}

export interface RunTimelineContextValue {
  run: Run;
  layout: TimelineLayout;
  steps: readonly RunStep[];
  rowsById: ReadonlyMap<string, TimelineRow>;
  /** A step's row index, -1 if absent. */
  indexOf(stepId: string | null | undefined): number;
  virtualize: boolean;
  rowHeight: number;
  callRowHeight: number;
  onEndReached: (() => void) | undefined;
  endReachedThreshold: number;
  label: string;
  selectedStepId: string | null;
  select(stepId: string): void;
  /** The one bar in the tab order: the last focused, else the selected, else the first. */
  tabStopId: string | null;
  setActiveStepId(stepId: string): void;
  /** A bar that should take DOM focus once mounted (keyboard moves into rows not yet rendered). */
  pendingFocus: MutableRefObject<string | null>;
  zoom: TimelineZoom | null;
  setZoom(zoom: TimelineZoom | null): void;
  tip: TimelineTip | null;
  showTip(stepId: string, element: HTMLElement, source: TimelineTip['source']): void;
  hideTip(source?: TimelineTip['source']): void;
  tooltipId: string;
  /** Whether a `RunTimeline.Tooltip` is mounted (bars point `aria-describedby` at it only then). */
  hasTooltip: boolean;
  setHasTooltip(mounted: boolean): void;
  model: string | undefined;
  prices: Record<string, ModelPrice> | undefined;
  currency: string;
  list: MutableRefObject<TimelineListApi | null>;
}

export const RunTimelineContext = createContext<RunTimelineContextValue | null>(null);

export function useRunTimelineContext(part: string): RunTimelineContextValue {
  const context = useContext(RunTimelineContext);
  if (!context) throw new Error(`<RunTimeline.${part}> must be used inside <RunTimeline.Root>.`);
  return context;
}

/** The bar a `RunTimeline.Duration` / `Label` / `Calls` belongs to. */
export const RunTimelineBarContext = createContext<TimelineRow | null>(null);

/** The listbox's virtualizer, for `RunTimeline.Bars`. */
export interface RunTimelineListContextValue {
  virtualizer: ListVirtualizer;
  /** Prefix of the bars' DOM ids. */
  listId: string;
  /** Bumped by programmatic scrolls. */
  version: number;
}
export const RunTimelineListContext = createContext<RunTimelineListContextValue | null>(null);
