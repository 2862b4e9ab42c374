'use client';

import { useMutation, useQuery, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { Run } from '../api/schemas/index.js';
import type { RunsError } from '../query/errors.js';
import { cancelRunMutationOptions } from '../query/mutations/cancel-run.js';
import { runQueryOptions } from '../query/options/run.js';
import { isTerminalStatus } from '../query/run-state.js';
import { useRunsContext } from './useRunsClient.js';

export type UseCancelRunOptions = Omit<UseMutationOptions<Run, RunsError, void>, 'mutationFn' | 'mutationKey'>;

export type UseCancelRunResult = UseMutationResult<Run, RunsError, void> & {
  /** The run is known, not terminal and not already `cancelling`. */
  canCancel: boolean;
};

/**
 * Cancels a run. `cancelling` shows at once everywhere the run appears, then the server's answer
 * replaces it (rolled back if the server refuses). Safe to click twice: a click while the cancel
 * is in flight shares its result, and one after the run shows `cancelling` sends nothing.
 *
 * @example
 * const cancel = useCancelRun(threadId, runId);
 * <button disabled={!cancel.canCancel} onClick={() => cancel.mutate()}>Cancel</button>
 */
export function useCancelRun(threadId: string, runId: string, options?: UseCancelRunOptions): UseCancelRunResult {
  const { client, polling } = useRunsContext();
  const status = useQuery({
    ...runQueryOptions(client, threadId, runId, { polling }),
    select: (run: Run) => run.status,
  }).data;
  const mutation = useMutation({ ...cancelRunMutationOptions(client, threadId, runId), ...options });
  const canCancel = status !== undefined && status !== 'cancelling' && !isTerminalStatus(status);
  return Object.assign(mutation, { canCancel });
}
