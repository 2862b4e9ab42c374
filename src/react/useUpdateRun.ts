'use client';

import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { Run } from '../api/schemas/index.js';
import type { RunsError } from '../query/errors.js';
import { updateRunMutationOptions, type UpdateRunVariables } from '../query/mutations/update-run.js';
import { useRunsContext } from './useRunsClient.js';

export type UseUpdateRunOptions = Omit<UseMutationOptions<Run, RunsError, UpdateRunVariables>, 'mutationFn' | 'mutationKey'>;

/**
 * Replaces a run's metadata: shown at once everywhere the run appears, rolled back if the server
 * refuses. Over-limit metadata (16 keys, 64/512 chars) fails before anything is sent.
 *
 * @example
 * const update = useUpdateRun(threadId, runId);
 * update.mutate({ metadata: { label: 'reviewed' } });
 */
export function useUpdateRun(
  threadId: string,
  runId: string,
  options?: UseUpdateRunOptions,
): UseMutationResult<Run, RunsError, UpdateRunVariables> {
  const { client } = useRunsContext();
  return useMutation({ ...updateRunMutationOptions(client, threadId, runId), ...options });
}
