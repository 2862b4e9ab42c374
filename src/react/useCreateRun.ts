import { useMutation, useQueryClient, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreateRunParams, Run } from '../api/schemas';
import { ActiveRunError, type RunsError } from '../query/errors';
import { createRunMutationOptions } from '../query/mutations/create-run';
import { cancelRunAndWait } from '../query/wait-for-run';
import { useRunsContext } from './useRunsClient';

export type UseCreateRunOptions = Omit<UseMutationOptions<Run, RunsError, CreateRunParams>, 'mutationFn' | 'mutationKey'>;

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
 * @example
 * const createRun = useCreateRun(threadId);
 * createRun.mutate({ assistant_id: 'asst_1' });
 * if (createRun.activeRunError) return <button onClick={createRun.cancelBlockingRunAndRetry}>Cancel it and retry</button>;
 */
export function useCreateRun(threadId: string, options?: UseCreateRunOptions): UseCreateRunResult {
  const { client, polling } = useRunsContext();
  const queryClient = useQueryClient();
  const mutation = useMutation({ ...createRunMutationOptions(client, threadId), ...options });
  const [isCancellingBlockingRun, setCancelling] = useState(false);
  const activeRunError = ActiveRunError.is(mutation.error) ? mutation.error : null;
  const { variables, mutateAsync } = mutation;
  // Stop waiting for the blocking run (and its polls) when the component goes away.
  const unmounted = useRef(new AbortController());
  useEffect(() => {
    const controller = new AbortController();
    unmounted.current = controller;
    return () => controller.abort();
  }, []);

  const cancelBlockingRunAndRetry = useCallback(async () => {
    if (!activeRunError || variables === undefined) {
      throw new Error('cancelBlockingRunAndRetry: the last create did not fail on an active run.');
    }
    setCancelling(true);
    try {
      await cancelRunAndWait(queryClient, client, threadId, activeRunError.blockingRunId, {
        polling,
        signal: unmounted.current.signal,
      });
    } finally {
      setCancelling(false);
    }
    return mutateAsync(variables);
  }, [activeRunError, variables, mutateAsync, queryClient, client, threadId, polling]);

  return Object.assign(mutation, { activeRunError, cancelBlockingRunAndRetry, isCancellingBlockingRun });
}
