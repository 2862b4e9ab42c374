import type { MutationOptions, QueryClient } from '@tanstack/query-core';
import type { RunsError } from '../errors';
import { runlensKeys } from '../keys';

/** What every mutation factory returns: plain MutationOptions, usable with useMutation or a MutationObserver. */
export type RunlensMutationOptions<TData, TVariables> = MutationOptions<TData, RunsError, TVariables> & {
  mutationKey: readonly unknown[];
};

/*
 * Cache effects (optimistic writes, rollback, writing the answer) live inside `mutationFn`, not in
 * onMutate/onError/onSuccess: those stay free for the app, and overriding them can never leave
 * the cache half-updated. Never retried: a repeated POST can create a second run.
 */
export const noMutationRetry = false as const;

/** Stops in-flight polls of the run, so an answer from before this mutation cannot land after it. */
export function stopRunFetches(queryClient: QueryClient, threadId: string, runId: string): Promise<void> {
  return queryClient.cancelQueries({ queryKey: runlensKeys.run(threadId, runId), exact: true });
}
