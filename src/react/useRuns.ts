'use client';

import { useInfiniteQuery, useQueries, type UseInfiniteQueryOptions, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Run } from '../api/schemas/index.js';
import type { RunsError } from '../query/errors.js';
import { runQueryOptions } from '../query/options/run.js';
import {
  runsInfiniteQueryOptions,
  type RunsInfiniteData,
  type RunsPage,
  type RunsQueryKey,
} from '../query/options/runs.js';
import type { PageCursor } from '../query/pages.js';
import { listRefreshPlan } from '../query/list-polling.js';
import { flattenPages } from '../query/pages.js';
import { isTerminalStatus } from '../query/run-state.js';
import { useRunsContext } from './useRunsClient.js';

export type UseRunsOptions = Omit<
  UseInfiniteQueryOptions<RunsPage, RunsError, RunsInfiniteData, RunsQueryKey, PageCursor>,
  'queryKey' | 'queryFn' | 'initialPageParam' | 'getNextPageParam' | 'getPreviousPageParam' | 'select'
>;

export type UseRunsResult = UseInfiniteQueryResult<RunsInfiniteData, RunsError> & {
  /** Every loaded run, newest first in desc order. */
  runs: Run[];
};

// The run queries only feed the cache (cache.ts writes each answer into the pages); this hook
// re-renders from the list itself, so their results are dropped.
const ignoreResults = () => null;

/**
 * A thread's runs, page by page: `fetchNextPage` for older runs (`hasNextPage` from `has_more`),
 * `fetchPreviousPage` for runs created since (desc order). Active runs stay live at the lower
 * cost: the list refetches itself about every second while they outnumber its loaded pages (one
 * request per page for many runs), else each active run's own query is polled and written back
 * into the list. Neither while the page is hidden, nor once every listed run is terminal. Runs
 * created through runlens appear at the top at once.
 *
 * @example
 * const { runs, fetchNextPage, hasNextPage } = useRuns(threadId, { limit: 20 });
 */
export function useRuns(
  threadId: string,
  params: { limit?: number; order?: 'asc' | 'desc' } = {},
  options?: UseRunsOptions,
): UseRunsResult {
  const { client, polling, capabilities } = useRunsContext();
  const query = useInfiniteQuery({ ...runsInfiniteQueryOptions(client, threadId, params, { polling }), ...options });
  const runs = useMemo(() => flattenPages(query.data), [query.data]);
  // An app that sets its own `refetchInterval` decides how the list refreshes: its active rows are
  // then each polled by their own run query, as the list does not keep them fresh.
  const listPollsItself = options?.refetchInterval === undefined;
  const runsToPoll = useMemo(
    () => (listPollsItself ? listRefreshPlan(query.data, polling, capabilities.listInOneRequest === true).runsToPoll : runs.filter((run) => !isTerminalStatus(run.status))),
    [listPollsItself, query.data, runs, polling],
  );
  useQueries({
    queries: runsToPoll.map((run) => ({
      ...runQueryOptions(client, threadId, run.id, { polling }),
      // The row was just fetched: start from it and let the policy decide when to look again.
      initialData: run,
      initialDataUpdatedAt: query.dataUpdatedAt,
      refetchOnMount: false,
      enabled: options?.enabled !== false,
    })),
    combine: ignoreResults,
  });
  return Object.assign(query, { runs });
}
