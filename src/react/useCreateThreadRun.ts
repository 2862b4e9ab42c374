'use client';

import { useMutation, type UseMutationOptions, type UseMutationResult } from '@tanstack/react-query';
import type { CreateThreadRunParams, Run } from '../api/schemas/index.js';
import type { RunsError } from '../query/errors.js';
import { createThreadRunMutationOptions } from '../query/mutations/create-run.js';
import { useRunsContext } from './useRunsClient.js';
import { useUnmountSignal } from './useUnmountSignal.js';

export type UseCreateThreadRunOptions = Omit<
  UseMutationOptions<Run, RunsError, CreateThreadRunParams>,
  'mutationFn' | 'mutationKey'
> & {
  /**
   * Start the run streamed, as `useCreateRun`'s `stream` does. Unmounting this component ends the
   * stream (the run then polls): when `onSuccess` navigates to the new run, call this hook above
   * the routes so the stream outlives the page that started it.
   * @default false
   */
  stream?: boolean;
};

/**
 * Creates a thread and starts a run on it. The run lands in the cache like `useCreateRun`'s;
 * its `thread_id` is the new thread.
 *
 * @example
 * const start = useCreateThreadRun({ onSuccess: (run) => navigate(`/threads/${run.thread_id}/runs/${run.id}`) });
 * start.mutate({ assistant_id: 'asst_1', thread: { messages: [{ role: 'user', content: 'Hello' }] } });
 */
export function useCreateThreadRun(
  options?: UseCreateThreadRunOptions,
): UseMutationResult<Run, RunsError, CreateThreadRunParams> {
  const { client, polling } = useRunsContext();
  const unmountSignal = useUnmountSignal();
  const { stream = false, ...mutationOptions } = options ?? {};
  return useMutation({
    ...createThreadRunMutationOptions(client, { stream, signal: unmountSignal, stallAfterMs: polling.streamStallMs }),
    ...mutationOptions,
  });
}
