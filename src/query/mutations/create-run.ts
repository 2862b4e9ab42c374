import { RunsApiError } from '../../api/errors.js';
import type { RunsClient } from '../../api/client.js';
import type { CreateRunParams, CreateThreadRunParams, Run } from '../../api/schemas/index.js';
import { findActiveRunInCache, writeRun } from '../cache.js';
import { toActiveRunError } from '../errors.js';
import { runlensKeys, runlensMutationKeys } from '../keys.js';
import { followRunStream } from '../stream/follow-run-stream.js';
import { noMutationRetry, type MutationStreamConfig, type RunlensMutationOptions } from './shared.js';

/**
 * Starts a run on a thread. The new run lands in its run query and at the top of the thread's
 * runs lists. When the thread still has an active run the error is an `ActiveRunError` naming it.
 * With `{ stream: true }` the run is streamed: the mutation resolves at `thread.run.created` and
 * the stream goes on feeding the cache (see `followRunStream`) until `signal` aborts it.
 *
 * @example
 * const observer = new MutationObserver(queryClient, createRunMutationOptions(client, 'thread_1'));
 * const run = await observer.mutate({ assistant_id: 'asst_1' });
 */
export function createRunMutationOptions(
  client: RunsClient,
  threadId: string,
  config: MutationStreamConfig = {},
): RunlensMutationOptions<Run, CreateRunParams> {
  return {
    mutationKey: runlensMutationKeys.createRun(threadId),
    mutationFn: async (params, { client: queryClient }) => {
      try {
        if (config.stream) {
          const signal = config.signal?.();
          // The stream writes the run itself (and every event after it).
          return await followRunStream(queryClient, (stop, onOpen) => client.createRunStream(threadId, params, { signal: stop, onOpen }), { signal, stallAfterMs: config.stallAfterMs });
        }
        const run = await client.createRun(threadId, params);
        writeRun(queryClient, run, { isNew: true });
        return run;
      } catch (error) {
        // The answer may be what failed, not the create (a reset after the run was made, a cut
        // stream, a retry refused as "already has an active run"): the lists look again.
        if (!RunsApiError.is(error) || error.requestId !== null || error.type === 'connection_error') {
          void queryClient.invalidateQueries({ queryKey: runlensKeys.runsLists(threadId) });
        }
        throw toActiveRunError(error, threadId, findActiveRunInCache(queryClient, threadId)?.id) ?? error;
      }
    },
    retry: noMutationRetry,
  };
}

/**
 * Creates a thread and starts a run on it in one call; the run lands in the cache like `createRun`'s,
 * streamed with `{ stream: true }` likewise.
 *
 * @example
 * const run = await new MutationObserver(queryClient, createThreadRunMutationOptions(client))
 *   .mutate({ assistant_id: 'asst_1', thread: { messages: [{ role: 'user', content: 'Hi' }] } });
 */
export function createThreadRunMutationOptions(
  client: RunsClient,
  config: MutationStreamConfig = {},
): RunlensMutationOptions<Run, CreateThreadRunParams> {
  return {
    mutationKey: runlensMutationKeys.createThreadRun(),
    mutationFn: async (params, { client: queryClient }) => {
      if (config.stream) {
        const signal = config.signal?.();
        return followRunStream(queryClient, (stop, onOpen) => client.createThreadRunStream(params, { signal: stop, onOpen }), {
          signal,
          stallAfterMs: config.stallAfterMs,
        });
      }
      const run = await client.createThreadRun(params);
      writeRun(queryClient, run, { isNew: true });
      return run;
    },
    retry: noMutationRetry,
  };
}
