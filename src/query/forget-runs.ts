import type { QueryClient } from '@tanstack/query-core';
import { runlensKeys } from './keys.js';

/*
 * Per-QueryClient bookkeeping (answered call ids, ended streams' states) is about runs that may be
 * on screen. Once a run's query leaves the cache (garbage-collected after its last observer went,
 * or cleared), nothing can show that run: its entries go too, so a long session stays bounded.
 */

type Forget = (threadId: string, runId: string) => void;

const forgetters = new WeakMap<QueryClient, Set<Forget>>();

/** Calls `forget` whenever a run's own query is removed from this QueryClient's cache. */
export function onRunForgotten(queryClient: QueryClient, forget: Forget): void {
  let listeners = forgetters.get(queryClient);
  if (!listeners) {
    const set = (listeners = new Set());
    forgetters.set(queryClient, set);
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'removed') return;
      const run = runlensKeys.parseRunKey(event.query.queryKey);
      if (run) for (const listener of set) listener(run.threadId, run.runId);
    });
  }
  listeners.add(forget);
}
