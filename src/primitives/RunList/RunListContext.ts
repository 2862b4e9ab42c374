'use client';

import { createContext, useContext, type KeyboardEvent } from 'react';
import type { Run } from '../../api/schemas/run.js';

/** What `RunList.Items` and `RunList.Empty` read: changes whenever a run does. */
export interface RunListContextValue {
  runs: readonly Run[];
  isLoading: boolean;
}

/**
 * What each `RunList.Item` reads. Kept apart from `runs` and stable while only runs change, so a
 * list refresh re-renders the rows that changed, not every row.
 */
export interface RunListItemContextValue {
  value: string | null;
  /** The one option with tabIndex 0 (roving tabindex). */
  tabbableId: string | null;
  select(runId: string): void;
  registerItem(runId: string, node: HTMLElement | null): void;
  onItemKeyDown(event: KeyboardEvent<HTMLElement>, runId: string): void;
}

export const RunListContext = createContext<RunListContextValue | null>(null);
export const RunListItemContext = createContext<RunListItemContextValue | null>(null);

function required<T>(value: T | null, part: string): T {
  if (!value) throw new Error(`<RunList.${part}> must be used inside <RunList.Root>.`);
  return value;
}

export function useRunListContext(part: string): RunListContextValue {
  return required(useContext(RunListContext), part);
}

export function useRunListItemContext(part: string): RunListItemContextValue {
  return required(useContext(RunListItemContext), part);
}
