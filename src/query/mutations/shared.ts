import type { MutationOptions, QueryClient } from '@tanstack/query-core';
import type { RunsError } from '../errors.js';
import { runlensKeys } from '../keys.js';

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

/** The streaming switch of the run-starting mutations (create, create thread and run, submit outputs). */
export interface MutationStreamConfig {
  /**
   * Use the streaming form: the mutation resolves with the run at its first event and the stream
   * keeps the cache live, with no polling, until the run needs outputs or ends. @default false
   */
  stream?: boolean;
  /**
   * The stream's lifetime, read when the mutation runs (a getter, because a component's signal
   * is made after its first render). Aborting it ends the stream; the run then polls again.
   */
  signal?: () => AbortSignal | undefined;
  /**
   * How long the stream may go without an event before it counts as stalled: it is closed and the
   * run polls again (`useRunStreamStatus` says `stalled`). @default 30000
   */
  stallAfterMs?: number;
}

/** Stops in-flight polls of the run, so an answer from before this mutation cannot land after it. */
export function stopRunFetches(queryClient: QueryClient, threadId: string, runId: string): Promise<void> {
  return queryClient.cancelQueries({ queryKey: runlensKeys.run(threadId, runId), exact: true });
}
