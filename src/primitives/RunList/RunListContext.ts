'use client';

import { createContext, useContext, type KeyboardEvent } from 'react';
import type { Run } from '../../api/schemas/run.js';

export interface RunListContextValue {
  runs: readonly Run[];
  value: string | null;
  isLoading: boolean;
  /** The one option with tabIndex 0 (roving tabindex). */
  tabbableId: string | null;
  select(runId: string): void;
  registerItem(runId: string, node: HTMLElement | null): void;
  onItemKeyDown(event: KeyboardEvent<HTMLElement>, runId: string): void;
}

export const RunListContext = createContext<RunListContextValue | null>(null);

export function useRunListContext(part: string): RunListContextValue {
  const context = useContext(RunListContext);
  if (!context) throw new Error(`<RunList.${part}> must be used inside <RunList.Root>.`);
  return context;
}
