import type { RunsClient } from '../../api/client';
import type { CreateRunParams, CreateThreadRunParams, Run } from '../../api/schemas';
import { findActiveRunInCache, writeRun } from '../cache';
import { toActiveRunError } from '../errors';
import { runlensMutationKeys } from '../keys';
import { noMutationRetry, type RunlensMutationOptions } from './shared';

/**
 * Starts a run on a thread. The new run lands in its run query and at the top of the thread's
 * runs lists. When the thread still has an active run the error is an `ActiveRunError` naming it.
 *
 * @example
 * const observer = new MutationObserver(queryClient, createRunMutationOptions(client, 'thread_1'));
 * const run = await observer.mutate({ assistant_id: 'asst_1' });
 */
export function createRunMutationOptions(
  client: RunsClient,
  threadId: string,
): RunlensMutationOptions<Run, CreateRunParams> {
  return {
    mutationKey: runlensMutationKeys.createRun(threadId),
    mutationFn: async (params, { client: queryClient }) => {
      let run: Run;
      try {
        run = await client.createRun(threadId, params);
      } catch (error) {
        throw toActiveRunError(error, threadId, findActiveRunInCache(queryClient, threadId)?.id) ?? error;
      }
      writeRun(queryClient, run, { isNew: true });
      return run;
    },
    retry: noMutationRetry,
  };
}

/**
 * Creates a thread and starts a run on it in one call; the run lands in the cache like `createRun`'s.
 *
 * @example
 * const run = await new MutationObserver(queryClient, createThreadRunMutationOptions(client))
 *   .mutate({ assistant_id: 'asst_1', thread: { messages: [{ role: 'user', content: 'Hi' }] } });
 */
export function createThreadRunMutationOptions(client: RunsClient): RunlensMutationOptions<Run, CreateThreadRunParams> {
  return {
    mutationKey: runlensMutationKeys.createThreadRun(),
    mutationFn: async (params, { client: queryClient }) => {
      const run = await client.createThreadRun(params);
      writeRun(queryClient, run, { isNew: true });
      return run;
    },
    retry: noMutationRetry,
  };
}
