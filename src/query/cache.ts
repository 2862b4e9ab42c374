import { hashKey, replaceEqualDeep, type QueryClient, type QueryKey } from '@tanstack/query-core';
import type { Message, Run, RunStep } from '../api/schemas/index.js';
import { runlensKeys } from './keys.js';
import { insertIntoPages, replaceInPages, type PagesData } from './pages.js';
import { isTerminalStatus } from './run-state.js';
import { carryStepsPageContext, rememberRunForStepsPage } from './steps-liveness.js';

/*
 * The single place that writes runs, steps and messages into the cache (queries, mutations and
 * stream events all come through here), so a run looks the same in its own query and in every list.
 */

function listOrder(queryKey: QueryKey): 'asc' | 'desc' {
  return runlensKeys.listParamsOf(queryKey).order === 'asc' ? 'asc' : 'desc';
}

/**
 * A write that would move a run backwards is stale (an answer that was in flight while a newer
 * one landed): nothing leaves a terminal status, and `cancelling` only ends in a terminal one.
 */
export function isStaleRunWrite(cached: Run | undefined, incoming: Run): boolean {
  if (!cached || cached.id !== incoming.id) return false;
  if (isTerminalStatus(cached.status)) return !isTerminalStatus(incoming.status);
  if (cached.status === 'cancelling') return incoming.status !== 'cancelling' && !isTerminalStatus(incoming.status);
  return false;
}

/** Writes `run` into every loaded runs-list page of its thread that holds it (or, if `isNew`, where it belongs). */
export function writeRunToLists(queryClient: QueryClient, run: Run, options: { isNew?: boolean } = {}): void {
  const lists = queryClient.getQueriesData<PagesData<Run>>({ queryKey: runlensKeys.runsLists(run.thread_id) });
  for (const [queryKey, data] of lists) {
    if (!data) continue;
    const next = options.isNew ? insertIntoPages(data, run, listOrder(queryKey)) : replaceInPages(data, run);
    if (next !== data) queryClient.setQueryData<PagesData<Run>>(queryKey, next);
  }
}

/**
 * Applies a run the client has learned about: its own query and every list holding it.
 * `isNew` (a run the client just created) also puts it at the top of the thread's lists.
 * Returns false when the write was dropped as stale.
 */
export function writeRun(queryClient: QueryClient, run: Run, options: { isNew?: boolean } = {}): boolean {
  const key = runlensKeys.run(run.thread_id, run.id);
  if (isStaleRunWrite(queryClient.getQueryData<Run>(key), run)) return false;
  queryClient.setQueryData<Run>(key, run);
  writeRunToLists(queryClient, run, options);
  return true;
}

/**
 * Applies the runs of a list page whose request went out at `sentAt` (epoch ms), returning what
 * the page should hold. Fresher data wins: a run's own query updated after `sentAt` (a poll, a
 * mutation, a stream event that landed while the page was in flight), or a copy the page would
 * move backwards (isStaleRunWrite), is kept over the listed one. Otherwise the listed run also
 * refreshes the run's own query (created if absent, so a row opens at once), dated `sentAt`.
 */
export function writeListedRuns(queryClient: QueryClient, threadId: string, listed: Run[], sentAt: number): Run[] {
  return listed.map((run) => {
    const key = runlensKeys.run(threadId, run.id);
    const own = queryClient.getQueryState<Run>(key);
    if (own?.data && own.dataUpdatedAt > sentAt) return own.data;
    const cached = own?.data ?? readCachedRun(queryClient, threadId, run.id);
    if (cached && isStaleRunWrite(cached, run)) return cached;
    // Only a change is written: an equal write would count as an unchanged poll of that run.
    if (!own?.data || replaceEqualDeep(own.data, run) !== own.data) queryClient.setQueryData<Run>(key, run, { updatedAt: sentAt });
    return run;
  });
}

/** Puts a snapshot back, stale or not: the rollback of an optimistic write. */
export function restoreRun(queryClient: QueryClient, snapshot: Run): void {
  queryClient.setQueryData<Run>(runlensKeys.run(snapshot.thread_id, snapshot.id), snapshot);
  writeRunToLists(queryClient, snapshot);
}

/** The cached run, from its own query or else from any loaded list of its thread. */
export function readCachedRun(queryClient: QueryClient, threadId: string, runId: string): Run | undefined {
  const own = queryClient.getQueryData<Run>(runlensKeys.run(threadId, runId));
  if (own) return own;
  for (const [, data] of queryClient.getQueriesData<PagesData<Run>>({ queryKey: runlensKeys.runsLists(threadId) })) {
    const found = data?.pages.flatMap((page) => page.data).find((run) => run.id === runId);
    if (found) return found;
  }
  return undefined;
}

/** A run the cache believes is still active on the thread, if any (may be stale: a hint, not proof). */
export function findActiveRunInCache(queryClient: QueryClient, threadId: string): Run | undefined {
  const runs: Run[] = [];
  for (const [queryKey, data] of queryClient.getQueriesData<Run | PagesData<Run>>({
    queryKey: runlensKeys.thread(threadId),
  })) {
    if (!data) continue;
    if (runlensKeys.parseRunKey(queryKey)) runs.push(data as Run);
    else if (runlensKeys.isRunsListKey(queryKey)) runs.push(...(data as PagesData<Run>).pages.flatMap((page) => page.data));
  }
  return runs.find((run) => !isTerminalStatus(run.status));
}

/** A step holding file_search results: the one thing `include` variants hold more of. */
function carriesIncludedContent(step: RunStep): boolean {
  const details = step.step_details;
  return details.type === 'tool_calls' && details.tool_calls.some((call) => call.type === 'file_search' && call.file_search.results);
}

function includeOf(queryKey: QueryKey): readonly string[] {
  return runlensKeys.listParamsOf(queryKey).include ?? [];
}

/**
 * Applies a step: every loaded step list of its run (`isNew` also puts it where a fresh fetch
 * would show it when a list lacks it), and its single-step queries. Where a query asked for
 * `include` content that this step lacks (file_search results), it is refetched instead.
 */
export function writeRunStep(queryClient: QueryClient, step: RunStep, options: { isNew?: boolean } = {}): void {
  const withContent = carriesIncludedContent(step);
  const lists = queryClient.getQueriesData<PagesData<RunStep>>({
    queryKey: runlensKeys.runStepsLists(step.thread_id, step.run_id),
  });
  for (const [queryKey, data] of lists) {
    if (!data) continue;
    if (withContent && includeOf(queryKey).length > 0) {
      void queryClient.invalidateQueries({ queryKey, exact: true });
      continue;
    }
    const next = options.isNew ? insertIntoPages(data, step, listOrder(queryKey)) : replaceInPages(data, step);
    if (next === data) continue;
    carryStepsPageContext(data, next);
    queryClient.setQueryData<PagesData<RunStep>>(queryKey, next);
  }
  const plainHash = hashKey(runlensKeys.runStep(step.thread_id, step.run_id, step.id));
  for (const query of queryClient.getQueryCache().findAll({
    queryKey: runlensKeys.runStepAll(step.thread_id, step.run_id, step.id),
  })) {
    if (query.state.data === undefined) continue;
    if (withContent && query.queryHash !== plainHash) void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
    else queryClient.setQueryData<RunStep>(query.queryKey, step);
  }
}

/**
 * Stamps every loaded step list of `run` as seen together with `run`. Used by streams: a stream
 * that delivered `run` has delivered every step event before it, so the lists are as current as
 * a fetch made now (and, once `run` is terminal, final: steps-liveness then lets them go quiet).
 */
export function markStepListsCurrent(queryClient: QueryClient, run: Run): void {
  for (const [, data] of queryClient.getQueriesData<PagesData<RunStep>>({
    queryKey: runlensKeys.runStepsLists(run.thread_id, run.id),
  })) {
    for (const page of data?.pages ?? []) rememberRunForStepsPage(page, run);
  }
}

/** Applies a message to its query, creating it if needed, so a `useMessage` mounted later starts from it. */
export function writeMessage(queryClient: QueryClient, message: Message): void {
  queryClient.setQueryData<Message>(runlensKeys.message(message.thread_id, message.id), message);
}
