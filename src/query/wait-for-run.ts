import { focusManager, MutationObserver, type QueryClient } from '@tanstack/query-core';
import type { RunsClient } from '../api/client.js';
import type { Run } from '../api/schemas/index.js';
import { cancelRunMutationOptions } from './mutations/cancel-run.js';
import { runQueryOptions } from './options/run.js';
import type { RunlensQueryConfig } from './options/shared.js';
import { nextPollInterval, resolvePollingTuning } from './polling.js';
import { observeRunQuery } from './run-poll-meta.js';
import { isTerminalStatus } from './run-state.js';

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort(): void {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Resolves once the page is visible again (at once when it is), like TanStack's own refetches. */
function untilVisible(signal?: AbortSignal): Promise<void> {
  if (focusManager.isFocused()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const unsubscribe = focusManager.subscribe((focused) => {
      if (!focused) return;
      done();
      resolve();
    });
    const abort = () => {
      done();
      reject(signal?.reason);
    };
    function done(): void {
      unsubscribe();
      signal?.removeEventListener('abort', abort);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Resolves with the run once it is terminal, polling at the policy's pace through the run query
 * (so the cache and every list see each answer). Data fresher than the shortest interval is
 * reused, which keeps this from doubling the polls of a mounted `useRun`. No polls while the page
 * is hidden: it looks again when the page shows.
 */
export async function waitForTerminalRun(
  queryClient: QueryClient,
  client: RunsClient,
  threadId: string,
  runId: string,
  config: RunlensQueryConfig & { signal?: AbortSignal } = {},
): Promise<Run> {
  const tuning = resolvePollingTuning(config.polling);
  const options = runQueryOptions(client, threadId, runId, config);
  for (;;) {
    config.signal?.throwIfAborted();
    await untilVisible(config.signal);
    const run = await queryClient.fetchQuery({ ...options, staleTime: tuning.minIntervalMs });
    if (isTerminalStatus(run.status)) return run;
    const query = queryClient.getQueryCache().find<Run>({ queryKey: options.queryKey, exact: true });
    const observation = query ? observeRunQuery(query) : { pollAfterMs: null, unchangedPolls: 0 };
    await sleep(nextPollInterval(run, observation, tuning) || tuning.minIntervalMs, config.signal);
  }
}

/**
 * Cancels a run (through the mutation cache, so `useMutationState` sees it) and waits until it
 * is terminal: what a create call blocked by an active run needs before it can be retried.
 */
export async function cancelRunAndWait(
  queryClient: QueryClient,
  client: RunsClient,
  threadId: string,
  runId: string,
  config: RunlensQueryConfig & { signal?: AbortSignal } = {},
): Promise<Run> {
  const cancel = new MutationObserver(queryClient, cancelRunMutationOptions(client, threadId, runId));
  try {
    const answer = await cancel.mutate();
    if (isTerminalStatus(answer.status)) return answer;
  } catch (error) {
    // "Cannot cancel run with status 'completed'": it ended by itself, which is all we wanted.
    const run = await queryClient.fetchQuery({ ...runQueryOptions(client, threadId, runId, config), staleTime: 0 });
    if (isTerminalStatus(run.status)) return run;
    throw error;
  }
  return waitForTerminalRun(queryClient, client, threadId, runId, config);
}
