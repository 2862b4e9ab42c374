// One sample of everything the soak watches. The heap is read after forced full collections
// (node --expose-gc), so it counts what is still reachable, not garbage waiting for the collector.
import type { QueryClient } from '@tanstack/react-query';
import { inFlightSize } from '../../src/query/in-flight';
import { runStreamRegistrySize } from '../../src/query/stream/registry';
import { refreshSelectorCaches } from './inspector-driver';
import { liveTimers } from './timers';

export interface Sample {
  label: string;
  /** MB of JS heap still reachable after full GCs. */
  heapMb: number;
  domNodes: number;
  timers: number;
  queries: number;
  mutations: number;
  /** runlens's own per-QueryClient bookkeeping: open streams + stream states + listeners + in-flight entries. */
  runlensEntries: number;
}

export const sampleKeys = ['heapMb', 'domNodes', 'timers', 'queries', 'mutations', 'runlensEntries'] as const satisfies readonly (keyof Sample)[];

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('bench:soak needs node --expose-gc');
  // Twice: the first pass runs finalizers and clears weak references whose targets the second frees.
  gc();
  gc();
}

export function takeSample(label: string, queryClient: QueryClient): Sample {
  refreshSelectorCaches();
  collect();
  const timers = liveTimers();
  const streams = runStreamRegistrySize(queryClient);
  const flights = inFlightSize(queryClient);
  return {
    label,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    domNodes: document.getElementsByTagName('*').length,
    timers: timers.timeouts + timers.intervals,
    queries: queryClient.getQueryCache().getAll().length,
    mutations: queryClient.getMutationCache().getAll().length,
    runlensEntries: streams.open + streams.states + streams.listeners + flights.cancels + flights.submits + flights.submittedCallIds,
  };
}
