'use client';

import { useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { RunStep, RunStepInclude } from '../api/schemas/index.js';
import type { RunsError } from '../query/errors.js';
import { runStepQueryOptions, type RunStepQueryKey } from '../query/options/run-step.js';
import { useRunsContext } from './useRunsClient.js';

export type UseRunStepOptions<TData = RunStep> = Omit<
  UseQueryOptions<RunStep, RunsError, TData, RunStepQueryKey>,
  'queryKey' | 'queryFn'
>;

/**
 * One step. Pass `include: ['step_details.tool_calls[*].file_search.results[*].content']` to get
 * the chunks a file search returned. Polled while the step is `in_progress`.
 *
 * @example
 * const { data: step } = useRunStep(threadId, runId, stepId, { include: [RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT] });
 */
export function useRunStep<TData = RunStep>(
  threadId: string,
  runId: string,
  stepId: string,
  params: { include?: RunStepInclude[] } = {},
  options?: UseRunStepOptions<TData>,
): UseQueryResult<TData, RunsError> {
  const { client, polling } = useRunsContext();
  return useQuery({ ...runStepQueryOptions(client, threadId, runId, stepId, params, { polling }), ...options });
}
