'use client';

import { createContext, useContext } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';
import type { TimelineLayout, TimelineRow } from './timelineLayout.js';

export interface RunTimelineContextValue {
  layout: TimelineLayout;
  steps: readonly RunStep[];
  rowsById: ReadonlyMap<string, TimelineRow>;
  getScrollElement(): HTMLElement | null;
  virtualize: boolean;
  rowHeight: number;
  onEndReached: (() => void) | undefined;
  endReachedThreshold: number;
}

export const RunTimelineContext = createContext<RunTimelineContextValue | null>(null);

export function useRunTimelineContext(part: string): RunTimelineContextValue {
  const context = useContext(RunTimelineContext);
  if (!context) throw new Error(`<RunTimeline.${part}> must be used inside <RunTimeline.Root>.`);
  return context;
}

/** The bar a `RunTimeline.Duration` belongs to. */
export const RunTimelineBarContext = createContext<TimelineRow | null>(null);
