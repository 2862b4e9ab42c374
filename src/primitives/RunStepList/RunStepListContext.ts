'use client';

import { createContext, useContext } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';

export interface RunStepListContextValue {
  steps: readonly RunStep[];
  estimateSize: number;
  virtualize: boolean;
  getScrollElement(): HTMLElement | null;
  onEndReached: (() => void) | undefined;
  endReachedThreshold: number;
  activeStepId: string | null;
}

export const RunStepListContext = createContext<RunStepListContextValue | null>(null);

export function useRunStepListContext(part: string): RunStepListContextValue {
  const context = useContext(RunStepListContext);
  if (!context) throw new Error(`<RunStepList.${part}> must be used inside <RunStepList.Root>.`);
  return context;
}
