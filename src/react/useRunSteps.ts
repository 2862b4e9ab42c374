'use client';

import { useInfiniteQuery, useQuery, type UseInfiniteQueryOptions, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RunStep } from '../api/schemas/index.js';
import type { RunsError } from '../query/errors.js';
import { runQueryOptions } from '../query/options/run.js';
import {
  runStepsInfiniteQueryOptions,
  type RunStepsInfiniteData,
  type RunStepsPage,
  type RunStepsParams,
  type RunStepsQueryKey,
} from '../query/options/run-steps.js';
import { flattenPages, type PageCursor } from '../query/pages.js';
import { useRunsContext } from './useRunsClient.js';

export type UseRunStepsOptions = Omit<
  UseInfiniteQueryOptions<RunStepsPage, RunsError, RunStepsInfiniteData, RunStepsQueryKey, PageCursor>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam' | 'getPreviousPageParam' | 'select'
>;

export type UseRunStepsResult = UseInfiniteQueryResult<RunStepsInfiniteData, RunsError> & {
  /** Every loaded step, in the list's order. */
  steps: RunStep[];
};

/**
 * A run's steps, live while the run is active or a step is `in_progress`, quiet once the run
 * and its steps are final (one last fetch after the run ends picks up its final step). Keeps the
 * run itself polled too, since the steps' liveness follows its status.
 *
 * @example
 * const { steps } = useRunSteps(threadId, runId, { order: 'asc' });
 */
export function useRunSteps(
  threadId: string,
  runId: string,
  params: RunStepsParams = {},
  options?: UseRunStepsOptions,
): UseRunStepsResult {
  const { client, polling } = useRunsContext();
  const enabled = options?.enabled !== false;
  // Observed only to keep the run's status fresh in the cache; changes do not re-render here.
  useQuery({ ...runQueryOptions(client, threadId, runId, { polling }), enabled, notifyOnChangeProps: [] });
  const query = useInfiniteQuery({
    ...runStepsInfiniteQueryOptions(client, threadId, runId, params, { polling }),
    ...options,
  });
  const steps = useMemo(() => flattenPages(query.data), [query.data]);
  return Object.assign(query, { steps });
}
