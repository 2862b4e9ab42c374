import type { QueryClient } from '@tanstack/query-core';
import type { RunsClient } from '../../api/client.js';
import type { Run } from '../../api/schemas/index.js';
import { readCachedRun, restoreRun, writeRun } from '../cache.js';
import { inFlight, runRef } from '../in-flight.js';
import { runlensKeys, runlensMutationKeys } from '../keys.js';
import { isTerminalStatus } from '../run-state.js';
import { noMutationRetry, stopRunFetches, type RunlensMutationOptions } from './shared.js';

async function cancelOnce(queryClient: QueryClient, client: RunsClient, threadId: string, runId: string): Promise<Run> {
  await stopRunFetches(queryClient, threadId, runId);
  const before = readCachedRun(queryClient, threadId, runId);
  // Shown at once; the server's answer (cancelling, or already cancelled) replaces it.
  if (before) writeRun(queryClient, { ...before, status: 'cancelling' });
  try {
    const run = await client.cancelRun(threadId, runId);
    writeRun(queryClient, run);
    return run;
  } catch (error) {
    // Typically "Cannot cancel run with status 'completed'": the run ended while the cancel was on
    // its way, which is all a cancel wants. Ask the server before calling it a failure.
    const fresh = await client.getRun(threadId, runId).then(({ run }) => run, () => null);
    if (fresh && isTerminalStatus(fresh.status)) {
      writeRun(queryClient, fresh);
      return fresh;
    }
    // Roll back only our own optimistic status, not something a poll wrote meanwhile.
    const now = readCachedRun(queryClient, threadId, runId);
    if (fresh) writeRun(queryClient, fresh);
    else if (before && now?.status === 'cancelling') restoreRun(queryClient, before);
    void queryClient.invalidateQueries({ queryKey: runlensKeys.run(threadId, runId), exact: true });
    throw error;
  }
}

/**
 * Cancels a run: `cancelling` shows at once (optimistic), then the server's answer replaces it.
 * Safe to fire twice: while a cancel is in flight a second one shares its result, and once the
 * cached run is `cancelling` or terminal it resolves with that run without sending anything.
 *
 * @example
 * await new MutationObserver(queryClient, cancelRunMutationOptions(client, 'thread_1', 'run_1')).mutate();
 */
export function cancelRunMutationOptions(
  client: RunsClient,
  threadId: string,
  runId: string,
): RunlensMutationOptions<Run, void> {
  return {
    mutationKey: runlensMutationKeys.cancelRun(threadId, runId),
    mutationFn: async (_variables, { client: queryClient }) => {
      const { cancels } = inFlight(queryClient);
      const ref = runRef(threadId, runId);
      const pending = cancels.get(ref) as Promise<Run> | undefined;
      if (pending) return pending;
      const cached = readCachedRun(queryClient, threadId, runId);
      if (cached && (cached.status === 'cancelling' || isTerminalStatus(cached.status))) return cached;
      const request = cancelOnce(queryClient, client, threadId, runId).finally(() => cancels.delete(ref));
      cancels.set(ref, request);
      return request;
    },
    retry: noMutationRetry,
  };
}
