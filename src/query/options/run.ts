import type { DataTag, QueryObserverOptions } from '@tanstack/query-core';
import type { RunsClient } from '../../api/client.js';
import type { Run } from '../../api/schemas/index.js';
import type { RunsError } from '../errors.js';
import { writeRunToLists } from '../cache.js';
import { runlensKeys } from '../keys.js';
import { nextPollInterval, resolvePollingTuning } from '../polling.js';
import { phaseTimesOf } from '../phase-times.js';
import { observeRunQuery, rememberPollHint, shareRunKeepingPollMeta, statusDuration } from '../run-poll-meta.js';
import { findOpenRunStream, isStreamFeeding } from '../stream/registry.js';
import { noQueryRetry, type RunlensQueryConfig } from './shared.js';

export type RunQueryKey = ReturnType<typeof runlensKeys.run>;

// No `select` in the type: a hook's own `select` then decides the data type.
export type RunQueryOptions = Omit<QueryObserverOptions<Run, RunsError, Run, Run, RunQueryKey>, 'select'> & {
  queryKey: DataTag<RunQueryKey, Run, RunsError>;
};

/**
 * One run, polled by the policy in polling.ts until it is terminal, never while a stream feeds it
 * (stream/registry.ts). Without a server hint it learns how long runs stay in each status
 * (phase-times.ts, one estimator per `client` unless `config.polling.phaseTimes` says otherwise). The data is the plain `Run`; the server's poll hint rides beside it
 * (run-poll-meta.ts). Every answer also refreshes the run's copy in loaded runs lists, which is
 * how `useRuns` keeps its active rows live.
 *
 * @example
 * await queryClient.prefetchQuery(runQueryOptions(client, 'thread_1', 'run_1'));
 */
export function runQueryOptions(
  client: RunsClient,
  threadId: string,
  runId: string,
  config: RunlensQueryConfig = {},
): RunQueryOptions {
  const tuning = resolvePollingTuning(config.polling);
  const phaseTimes = tuning.phaseTimes === false ? undefined : (tuning.phaseTimes ?? phaseTimesOf(client));
  return {
    queryKey: runlensKeys.run(threadId, runId) as DataTag<RunQueryKey, Run, RunsError>,
    queryFn: async ({ signal, client: queryClient, queryKey }) => {
      // While a mutation of this run is in flight its answer is the news; a poll racing it could
      // land after it with the old state (the mutation cancels polls already in flight). While a
      // stream feeds the run its events are the news; a GET (on focus, on mount) would repeat them.
      const cached = queryClient.getQueryData<Run>(queryKey);
      const busy =
        queryClient.isMutating({ mutationKey: runlensKeys.run(threadId, runId) }) > 0 ||
        findOpenRunStream(queryClient, threadId, runId) !== undefined;
      if (cached && busy) return cached;
      const lastSeenAt = queryClient.getQueryState(queryKey)?.dataUpdatedAt ?? 0;
      const run = rememberPollHint(await client.getRun(threadId, runId, { signal }));
      const learned = statusDuration(cached, run, lastSeenAt, Date.now());
      if (learned) phaseTimes?.record(learned.status, learned.ms);
      writeRunToLists(queryClient, run);
      return run;
    },
    structuralSharing: shareRunKeepingPollMeta,
    refetchInterval: (query) => {
      if (isStreamFeeding(query, threadId, runId)) return false;
      const { data } = query.state;
      const typical = data ? phaseTimes?.typical(data.status) : undefined;
      return nextPollInterval(data, { ...observeRunQuery(query), typical }, tuning);
    },
    retry: noQueryRetry,
  };
}
