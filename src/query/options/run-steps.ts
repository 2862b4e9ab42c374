import type { DataTag, InfiniteData, InfiniteQueryObserverOptions, QueryClient } from '@tanstack/query-core';
import type { RunsClient } from '../../api/client.js';
import type { RunsError } from '../errors.js';
import type { ListPage, Run, RunStep, RunStepInclude } from '../../api/schemas/index.js';
import { normalizeInclude, normalizeListParams, runlensKeys } from '../keys.js';
import type { PageCursor } from '../pages.js';
import { resolvePollingTuning } from '../polling.js';
import { pollIntervalAfterFailure } from '../run-poll-meta.js';
import { nextStepsPollInterval, rememberRunForStepsPage, shareStepsKeepingContext } from '../steps-liveness.js';
import { findOpenRunStream, isStreamFeeding } from '../stream/registry.js';
import { runQueryOptions } from './run.js';
import { nextCursor, newerCursor } from './runs.js';
import { noQueryRetry, type RunlensQueryConfig } from './shared.js';

export type RunStepsQueryKey = ReturnType<typeof runlensKeys.runSteps>;
export type RunStepsPage = ListPage<RunStep>;
export type RunStepsInfiniteData = InfiniteData<RunStepsPage, PageCursor>;

export interface RunStepsParams {
  limit?: number;
  order?: 'asc' | 'desc';
  include?: RunStepInclude[];
}

export type RunStepsInfiniteQueryOptions = InfiniteQueryObserverOptions<
  RunStepsPage,
  RunsError,
  RunStepsInfiniteData,
  RunStepsQueryKey,
  PageCursor
> & { queryKey: DataTag<RunStepsQueryKey, RunStepsInfiniteData, RunsError> };

/**
 * A page fetched while a stream feeds the run shows the steps the stream delivered as the stream
 * has them. The page may be a little older or newer than the stream's snapshot; the stream's next
 * delta builds on its snapshot, so showing the page's version would make the step jump back and
 * forth. Pages with `include` content keep what they fetched.
 */
function withStreamedSteps(
  queryClient: QueryClient,
  threadId: string,
  runId: string,
  page: RunStepsPage,
  hasInclude: boolean,
): RunStepsPage {
  const streamed = findOpenRunStream(queryClient, threadId, runId)?.steps;
  if (!streamed?.size || hasInclude) return page;
  return { ...page, data: page.data.map((step) => streamed.get(step.id) ?? step) };
}

/**
 * A run's steps as an infinite query that stays live while the run is active or a step is
 * `in_progress`, and goes quiet once both are final. Liveness reads the run from the cache (the
 * run query, kept fresh by `useRun`/`useRunSteps`); if it is not cached, it is fetched once.
 *
 * @example
 * await queryClient.prefetchInfiniteQuery(runStepsInfiniteQueryOptions(client, 'thread_1', 'run_1', { order: 'asc' }));
 */
export function runStepsInfiniteQueryOptions(
  client: RunsClient,
  threadId: string,
  runId: string,
  params: RunStepsParams = {},
  config: RunlensQueryConfig = {},
): RunStepsInfiniteQueryOptions {
  const { limit, order } = normalizeListParams(params);
  const include = normalizeInclude(params.include);
  const tuning = resolvePollingTuning(config.polling);
  return {
    queryKey: runlensKeys.runSteps(threadId, runId, { limit, order, include }) as DataTag<
      RunStepsQueryKey,
      RunStepsInfiniteData,
      RunsError
    >,
    queryFn: async ({ pageParam, signal, client: queryClient }) => {
      // Read the run before the steps: a terminal run read first means the steps fetched after it are final.
      const run: Run | undefined =
        queryClient.getQueryData<Run>(runlensKeys.run(threadId, runId)) ??
        (await queryClient.fetchQuery(runQueryOptions(client, threadId, runId, config)).catch(() => undefined));
      const page = await client.listRunSteps(
        threadId,
        runId,
        { limit, order, ...(include.length ? { include } : {}), ...pageParam },
        { signal },
      );
      return rememberRunForStepsPage(withStreamedSteps(queryClient, threadId, runId, page, include.length > 0), run);
    },
    initialPageParam: {},
    getNextPageParam: (lastPage, _pages, lastCursor) => nextCursor(lastPage, lastCursor),
    getPreviousPageParam: (_first, pages) => (order === 'desc' ? newerCursor(pages) : undefined),
    structuralSharing: shareStepsKeepingContext,
    refetchInterval: (query) => {
      if (isStreamFeeding(query, threadId, runId)) return false;
      // A failed read waits as a failed run poll does (retry-after included), not at the run's pace.
      return pollIntervalAfterFailure(query, tuning) ?? nextStepsPollInterval(query.state.data, tuning);
    },
    retry: noQueryRetry,
  };
}
