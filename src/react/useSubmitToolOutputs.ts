'use client';

import {
  useIsMutating,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Run } from '../api/schemas/index.js';
import { refusedBeforeSend, type RunsError } from '../query/errors.js';
import { runlensMutationKeys } from '../query/keys.js';
import { submitToolOutputsMutationOptions, type SubmitToolOutputsVariables } from '../query/mutations/submit-tool-outputs.js';
import { runQueryOptions } from '../query/options/run.js';
import { pendingToolCalls } from '../query/run-state.js';
import { useRunsContext } from './useRunsClient.js';
import { useUnmountSignal } from './useUnmountSignal.js';

export type UseSubmitToolOutputsOptions = Omit<
  UseMutationOptions<Run, RunsError, SubmitToolOutputsVariables>,
  'mutationFn' | 'mutationKey'
> & {
  /**
   * Submit with the streaming form: the run's next stream feeds the cache from the submission on
   * (as `useCreateRun`'s `stream` does); unmounting this component ends it.
   * @default false
   */
  stream?: boolean;
};

export type UseSubmitToolOutputsResult = UseMutationResult<Run, RunsError, SubmitToolOutputsVariables> & {
  /** The calls waiting for an output (empty unless the run is in `requires_action`). */
  pendingToolCalls: ReturnType<typeof pendingToolCalls>;
  /** The run waits for outputs and no submit for it is in flight (in any component). */
  canSubmit: boolean;
};

/**
 * Sends tool outputs for a `requires_action` run. Refused before sending unless every pending
 * call has one output; a second submit while one is in flight is ignored (`mutate`) or rejected
 * (`mutateAsync`) without disturbing the first; once the run has moved on it is refused. The
 * answer is written to the cache, which restarts polling.
 *
 * @example
 * const submit = useSubmitToolOutputs(threadId, runId);
 * submit.mutate({ tool_outputs: submit.pendingToolCalls.map((call) => ({ tool_call_id: call.id, output: '42' })) });
 */
export function useSubmitToolOutputs(
  threadId: string,
  runId: string,
  options?: UseSubmitToolOutputsOptions,
): UseSubmitToolOutputsResult {
  const { client, polling } = useRunsContext();
  const queryClient = useQueryClient();
  const run = useQuery({ ...runQueryOptions(client, threadId, runId, { polling }), notifyOnChangeProps: ['data'] }).data;
  const filters = { mutationKey: runlensMutationKeys.submitToolOutputs(threadId, runId), exact: true };
  const inFlight = useIsMutating(filters) > 0;
  const unmountSignal = useUnmountSignal();
  const { stream = false, ...mutationOptions } = options ?? {};
  const mutation = useMutation({
    ...submitToolOutputsMutationOptions(client, threadId, runId, { stream, signal: unmountSignal, stallAfterMs: polling.streamStallMs }),
    ...mutationOptions,
  });
  const { mutate, mutateAsync } = mutation;

  // Checked at call time against the mutation cache, so a double click never replaces the
  // pending mutation this hook shows with a refused one.
  const isSubmitting = useCallback(
    () => queryClient.isMutating({ mutationKey: runlensMutationKeys.submitToolOutputs(threadId, runId), exact: true }) > 0,
    [queryClient, threadId, runId],
  );
  const guardedMutate: typeof mutate = useCallback(
    (variables, callbacks) => (isSubmitting() ? undefined : mutate(variables, callbacks)),
    [isSubmitting, mutate],
  );
  const guardedMutateAsync: typeof mutateAsync = useCallback(
    (variables, callbacks) =>
      isSubmitting()
        ? Promise.reject(refusedBeforeSend('tool_outputs', 'tool_outputs_in_flight', `Outputs for run ${runId} are already being submitted.`))
        : mutateAsync(variables, callbacks),
    [isSubmitting, mutateAsync, runId],
  );

  const pending = pendingToolCalls(run);
  return Object.assign(mutation, {
    mutate: guardedMutate,
    mutateAsync: guardedMutateAsync,
    pendingToolCalls: pending,
    canSubmit: pending.length > 0 && !inFlight,
  });
}
