import type { QueryClient } from '@tanstack/query-core';
import { onRunForgotten } from './forget-runs.js';

/*
 * Per-QueryClient bookkeeping for requests that must not be doubled (tool outputs) or should be
 * shared (cancel). Kept outside React so two components, or a component and a loader, see the
 * same state; keyed by QueryClient so separate clients (tests, SSR requests) never share it.
 */
interface InFlight {
  cancels: Map<string, Promise<unknown>>;
  submits: Set<string>;
  /** Call ids whose outputs the backend accepted, per run: a late stale read cannot re-open them. */
  submittedCallIds: Map<string, Set<string>>;
}

const registry = new WeakMap<QueryClient, InFlight>();

export function inFlight(queryClient: QueryClient): InFlight {
  let entry = registry.get(queryClient);
  if (!entry) {
    const created: InFlight = { cancels: new Map(), submits: new Set(), submittedCallIds: new Map() };
    onRunForgotten(queryClient, (threadId, runId) => created.submittedCallIds.delete(runRef(threadId, runId)));
    registry.set(queryClient, (entry = created));
  }
  return entry;
}

export const runRef = (threadId: string, runId: string): string => `${threadId}/${runId}`;

/** How many entries the bookkeeping holds (tests check it returns to where it was). */
export function inFlightSize(queryClient: QueryClient): { cancels: number; submits: number; submittedCallIds: number } {
  const entry = registry.get(queryClient);
  return { cancels: entry?.cancels.size ?? 0, submits: entry?.submits.size ?? 0, submittedCallIds: entry?.submittedCallIds.size ?? 0 };
}
