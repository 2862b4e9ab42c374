'use client';

import { useQuery, useQueryClient, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { Run } from '../api/schemas/index.js';
import type { RunsError } from '../query/errors.js';
import { runQueryOptions, type RunQueryKey } from '../query/options/run.js';
import { deriveRunState, type RunDerivedState } from '../query/run-state.js';
import { useNow } from './useNow.js';
import { useRunsContext } from './useRunsClient.js';

export type UseRunOptions<TData = Run> = Omit<UseQueryOptions<Run, RunsError, TData, RunQueryKey>, 'queryKey' | 'queryFn'>;

export type UseRunResult<TData = Run> = UseQueryResult<TData, RunsError> & RunDerivedState;

/**
 * One run, kept fresh: polled at the server's `openai-poll-after-ms` pace when it sends one, else
 * by the adaptive policy; slowly while it waits for tool outputs (checked again right after
 * `expires_at`); not at all once terminal, while the page is hidden, or after unmount.
 * Adds what a run UI derives: `isTerminal`, `requiresAction`, `pendingToolCalls`, `expiresInMs`
 * (ticking each second while the run waits for outputs). They follow the raw run even with `select`.
 *
 * @example
 * const { data: run, requiresAction, pendingToolCalls, expiresInMs } = useRun(threadId, runId);
 */
export function useRun<TData = Run>(threadId: string, runId: string, options?: UseRunOptions<TData>): UseRunResult<TData> {
  const { client, polling } = useRunsContext();
  const queryClient = useQueryClient();
  const base = runQueryOptions(client, threadId, runId, { polling });
  const query = useQuery({ ...base, ...options });
  // With `select`, read the raw run from the cache; touching dataUpdatedAt subscribes this
  // component to every answer (tracked props), so the derived fields never lag behind.
  const run = options?.select
    ? (void query.dataUpdatedAt, queryClient.getQueryData<Run>(base.queryKey))
    : (query.data as Run | undefined);
  const waiting = run?.status === 'requires_action' && run.expires_at != null;
  const now = useNow(polling.now, 1000, waiting, query.dataUpdatedAt);
  // Assign rather than spread: spreading would read every tracked prop and re-render on all of them.
  return Object.assign(query, deriveRunState(run, now));
}
