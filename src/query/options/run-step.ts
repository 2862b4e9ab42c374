import type { DataTag, QueryObserverOptions } from '@tanstack/query-core';
import type { RunsClient } from '../../api/client.js';
import type { RunsError } from '../errors.js';
import type { RunStep, RunStepInclude } from '../../api/schemas/index.js';
import { normalizeInclude, runlensKeys } from '../keys.js';
import { isStepFinal } from '../run-state.js';
import { resolvePollingTuning } from '../polling.js';
import { isStreamFeeding } from '../stream/registry.js';
import { noQueryRetry, type RunlensQueryConfig } from './shared.js';

export type RunStepQueryKey = ReturnType<typeof runlensKeys.runStep>;

export type RunStepQueryOptions = Omit<
  QueryObserverOptions<RunStep, RunsError, RunStep, RunStep, RunStepQueryKey>,
  'select'
> & {
  queryKey: DataTag<RunStepQueryKey, RunStep, RunsError>;
};

/**
 * One step, e.g. with `include: ['step_details.tool_calls[*].file_search.results[*].content']`
 * for the chunks a file search returned. Polled quickly while the step is `in_progress` (unless a
 * stream feeds its run).
 *
 * @example
 * queryClient.fetchQuery(runStepQueryOptions(client, 'thread_1', 'run_1', 'step_1'));
 */
export function runStepQueryOptions(
  client: RunsClient,
  threadId: string,
  runId: string,
  stepId: string,
  params: { include?: RunStepInclude[] } = {},
  config: RunlensQueryConfig = {},
): RunStepQueryOptions {
  const include = normalizeInclude(params.include);
  const tuning = resolvePollingTuning(config.polling);
  return {
    queryKey: runlensKeys.runStep(threadId, runId, stepId, include) as DataTag<RunStepQueryKey, RunStep, RunsError>,
    queryFn: ({ signal }) =>
      client.getRunStep(threadId, runId, stepId, include.length ? { include } : {}, { signal }),
    refetchInterval: (query) => {
      const step = query.state.data;
      if (query.state.status === 'error' || isStreamFeeding(query, threadId, runId)) return false;
      return step && isStepFinal(step) ? false : tuning.minIntervalMs;
    },
    retry: noQueryRetry,
  };
}
