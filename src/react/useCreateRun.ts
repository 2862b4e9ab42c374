'use client';

import { useMutation, useQueryClient, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { CreateRunParams, Run } from '../api/schemas/index.js';
import { ActiveRunError, type RunsError } from '../query/errors.js';
import { createRunMutationOptions } from '../query/mutations/create-run.js';
import { cancelRunAndWait } from '../query/wait-for-run.js';
import { useRunsContext } from './useRunsClient.js';
import { useUnmountSignal } from './useUnmountSignal.js';

export type UseCreateRunOptions = Omit<UseMutationOptions<Run, RunsError, CreateRunParams>, 'mutationFn' | 'mutationKey'> & {
  /**
   * Start the run streamed: `mutate` resolves at `thread.run.created`, then the stream keeps the
   * run, its steps and its messages live in the cache, without polling, until the run needs tool
   * outputs or ends. Unmounting this component ends the stream (the run then polls again).
   * @default false
   */
  stream?: boolean;
};

export type UseCreateRunResult = UseMutationResult<Run, RunsError, CreateRunParams> & {
  /** The error when the thread still had an active run, else null. */
  activeRunError: ActiveRunError | null;
  /** Cancels the run that blocked the last attempt, waits until it is terminal, then creates again. */
  cancelBlockingRunAndRetry: () => Promise<Run>;
  /** True while `cancelBlockingRunAndRetry` is cancelling and waiting (before the new create starts). */
  isCancellingBlockingRun: boolean;
};

/**
 * Starts a run on a thread. The run lands in its run query and at the top of `useRuns` at once.
 * If the thread still has an active run, `error` is an `ActiveRunError` (`blockingRunId`) and
 * `cancelBlockingRunAndRetry()` resolves it.
 *
 * With `{ stream: true }`, every `useRun`, `useRunSteps` and `useMessage` of the run updates as its
 * events arrive (text grows delta by delta). Keep this hook in a component that lives as long as
 * the run is shown: its unmount ends the stream.
 *
 * @example
 * const createRun = useCreateRun(threadId);
 * createRun.mutate({ assistant_id: 'asst_1' });
 * if (createRun.activeRunError) return <button onClick={createRun.cancelBlockingRunAndRetry}>Cancel it and retry</button>;
 */
export function useCreateRun(threadId: string, options?: UseCreateRunOptions): UseCreateRunResult {
  const { client, polling } = useRunsContext();
  const queryClient = useQueryClient();
  // Streams, and waits for a blocking run (with their polls), end when the component goes away.
  const unmountSignal = useUnmountSignal();
  const { stream = false, ...mutationOptions } = options ?? {};
  const mutation = useMutation({
    ...createRunMutationOptions(client, threadId, { stream, signal: unmountSignal, stallAfterMs: polling.streamStallMs }),
    ...mutationOptions,
  });
  const [isCancellingBlockingRun, setCancelling] = useState(false);
  const activeRunError = ActiveRunError.is(mutation.error) ? mutation.error : null;
  const { variables, mutateAsync } = mutation;

  const cancelBlockingRunAndRetry = useCallback(async () => {
    if (!activeRunError || variables === undefined) {
      throw new Error('cancelBlockingRunAndRetry: the last create did not fail on an active run.');
    }
    setCancelling(true);
    try {
      await cancelRunAndWait(queryClient, client, threadId, activeRunError.blockingRunId, {
        polling,
        signal: unmountSignal(),
      });
    } finally {
      setCancelling(false);
    }
    return mutateAsync(variables);
  }, [activeRunError, variables, mutateAsync, queryClient, client, threadId, polling, unmountSignal]);

  return Object.assign(mutation, { activeRunError, cancelBlockingRunAndRetry, isCancellingBlockingRun });
}
