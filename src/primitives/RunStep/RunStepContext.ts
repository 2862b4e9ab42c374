'use client';

import { createContext, useContext } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';

export const RunStepContext = createContext<RunStep | null>(null);

export function useRunStepContext(part: string): RunStep {
  const step = useContext(RunStepContext);
  if (!step) throw new Error(`<RunStep.${part}> must be used inside <RunStep.Root>.`);
  return step;
}
