import type { DataTag, InfiniteData, InfiniteQueryObserverOptions } from '@tanstack/query-core';
import { capabilitiesOf } from '../../api/capabilities.js';
import type { RunsClient } from '../../api/client.js';
import type { RunsError } from '../errors.js';
import type { ListPage, Run } from '../../api/schemas/index.js';
import { writeListedRuns } from '../cache.js';
import { listRefetchInterval } from '../list-polling.js';
import { normalizeListParams, runlensKeys } from '../keys.js';
import { sharePagesById, type PageCursor } from '../pages.js';
import { resolvePollingTuning } from '../polling.js';
import { noQueryRetry, type RunlensQueryConfig } from './shared.js';

export type RunsQueryKey = ReturnType<typeof runlensKeys.runs>;
export type RunsPage = ListPage<Run>;
export type RunsInfiniteData = InfiniteData<RunsPage, PageCursor>;

export type RunsInfiniteQueryOptions = InfiniteQueryObserverOptions<
  RunsPage,
  RunsError,
  RunsInfiniteData,
  RunsQueryKey,
  PageCursor
> & { queryKey: DataTag<RunsQueryKey, RunsInfiniteData, RunsError> };

/**
 * Where the page after `lastPage` starts. A page fetched with `before` (newer items) is followed
 * by everything older than it, whatever its `has_more` says about the newer side; an empty one
 * hands over to the top of the list, which keeps TanStack's page-by-page refetch from stopping
 * short.
 */
export function nextCursor(lastPage: ListPage<unknown>, lastCursor: PageCursor): PageCursor | undefined {
  if (lastCursor.before !== undefined) return lastPage.last_id ? { after: lastPage.last_id } : {};
  return lastPage.has_more && lastPage.last_id ? { after: lastPage.last_id } : undefined;
}

/**
 * Items newer than the newest loaded one. None right after a look for newer items came back
 * empty: another click would only stack empty pages, which a later refetch (page by page, from
 * each page's cursor) would fill with runs already shown. A refetch that finds newer runs in that
 * page turns it back on.
 */
export function newerCursor(pages: ListPage<unknown>[], firstCursor?: PageCursor): PageCursor | undefined {
  if (firstCursor?.before !== undefined && pages[0]?.data.length === 0) return undefined;
  const newestId = pages.find((page) => page.first_id)?.first_id;
  return newestId ? { before: newestId } : undefined;
}

/**
 * A thread's runs as an infinite query. `fetchNextPage` walks to older runs (`after = last_id`,
 * `hasNextPage` from `has_more`); in desc order `fetchPreviousPage` picks up runs created since
 * (`before = first_id`). Runs created through runlens are put at the top by cache.ts instead.
 * While its active runs outnumber its pages it refetches itself on an interval (list-polling.ts;
 * otherwise `useRuns` polls those runs one by one); each answer refreshes the runs' own queries
 * unless they hold something fresher (cache.ts).
 *
 * @example
 * await queryClient.prefetchInfiniteQuery(runsInfiniteQueryOptions(client, 'thread_1', { limit: 20 }));
 */
export function runsInfiniteQueryOptions(
  client: RunsClient,
  threadId: string,
  params: { limit?: number; order?: 'asc' | 'desc' } = {},
  config: RunlensQueryConfig = {},
): RunsInfiniteQueryOptions {
  const { limit, order } = normalizeListParams(params);
  const tuning = resolvePollingTuning(config.polling);
  // Without `before`, newer runs are found by refetching the list from its first page instead.
  const capabilities = capabilitiesOf(client);
  const pagesNewer = order === 'desc' && capabilities.listBothWays === true;
  const pagesAreOneRequest = capabilities.listInOneRequest === true;
  return {
    queryKey: runlensKeys.runs(threadId, { limit, order }) as DataTag<RunsQueryKey, RunsInfiniteData, RunsError>,
    queryFn: async ({ pageParam, signal, client: queryClient }) => {
      const sentAt = Date.now();
      const page = await client.listRuns(threadId, { limit, order, ...pageParam }, { signal });
      const data = writeListedRuns(queryClient, threadId, page.data, sentAt);
      return data.some((run, index) => run !== page.data[index]) ? { ...page, data } : page;
    },
    initialPageParam: {},
    getNextPageParam: (lastPage, _pages, lastCursor) => nextCursor(lastPage, lastCursor),
    // In asc order newer runs come last, after a page whose has_more is false: nothing before the first.
    getPreviousPageParam: (_first, pages, firstCursor) => (pagesNewer ? newerCursor(pages, firstCursor) : undefined),
    refetchInterval: (query) => listRefetchInterval(query, tuning, pagesAreOneRequest),
    // A run put on top must not turn every other row into a new object (see sharePagesById).
    structuralSharing: sharePagesById,
    retry: noQueryRetry,
  };
}
