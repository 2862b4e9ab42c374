import type { QueryKey } from '@tanstack/query-core';
import type { RunStepInclude } from '../api/schemas/index.js';

/** List parameters as they appear in a key: defaults filled in so `{}` and `{ limit: 20 }` share a cache entry. */
export interface RunsListKeyParams {
  limit: number;
  order: 'asc' | 'desc';
}

export interface RunStepsListKeyParams extends RunsListKeyParams {
  include: RunStepInclude[];
}

/** The API's defaults (limit 20, order desc), applied before a key is built. */
export function normalizeListParams(params: { limit?: number; order?: 'asc' | 'desc' } = {}): RunsListKeyParams {
  return { limit: params.limit ?? 20, order: params.order ?? 'desc' };
}

/** `include` sorted and de-duplicated, so the same set always makes the same key. */
export function normalizeInclude(include: readonly RunStepInclude[] = []): RunStepInclude[] {
  return [...new Set(include)].sort();
}

/**
 * The one key factory. Keys nest thread → run → steps → step, so invalidating
 * `runlensKeys.run(t, r)` reaches the run, its step lists and its single steps, and
 * `runlensKeys.thread(t)` reaches everything on the thread.
 */
export const runlensKeys = {
  all: () => ['runlens'] as const,
  thread: (threadId: string) => ['runlens', 'thread', threadId] as const,
  /** Prefix of every runs list of a thread, whatever its params. */
  runsLists: (threadId: string) => [...runlensKeys.thread(threadId), 'runs'] as const,
  runs: (threadId: string, params?: { limit?: number; order?: 'asc' | 'desc' }) =>
    [...runlensKeys.runsLists(threadId), normalizeListParams(params)] as const,
  run: (threadId: string, runId: string) => [...runlensKeys.thread(threadId), 'run', runId] as const,
  /** Prefix of every step list of a run. */
  runStepsLists: (threadId: string, runId: string) => [...runlensKeys.run(threadId, runId), 'steps'] as const,
  runSteps: (
    threadId: string,
    runId: string,
    params?: { limit?: number; order?: 'asc' | 'desc'; include?: readonly RunStepInclude[] },
  ) =>
    [
      ...runlensKeys.runStepsLists(threadId, runId),
      { ...normalizeListParams(params), include: normalizeInclude(params?.include) } satisfies RunStepsListKeyParams,
    ] as const,
  /** Prefix of one step under every `include` variant. */
  runStepAll: (threadId: string, runId: string, stepId: string) =>
    [...runlensKeys.run(threadId, runId), 'step', stepId] as const,
  runStep: (threadId: string, runId: string, stepId: string, include?: readonly RunStepInclude[]) =>
    [...runlensKeys.runStepAll(threadId, runId, stepId), { include: normalizeInclude(include) }] as const,
  /** A thread message (what a message_creation step wrote); thread-level, like the API's path. */
  message: (threadId: string, messageId: string) => [...runlensKeys.thread(threadId), 'message', messageId] as const,

  /** The thread and run of a single run's key (`run(t, r)`), or null for any other key. */
  parseRunKey: (queryKey: QueryKey): { threadId: string; runId: string } | null => {
    const [root, level, threadId, kind, runId, ...rest] = queryKey;
    if (root !== 'runlens' || level !== 'thread' || kind !== 'run' || rest.length > 0) return null;
    return typeof threadId === 'string' && typeof runId === 'string' ? { threadId, runId } : null;
  },
  /** A runs list key (`runs(t, params)`). */
  isRunsListKey: (queryKey: QueryKey): boolean => queryKey[0] === 'runlens' && queryKey[1] === 'thread' && queryKey[3] === 'runs',
  /** The list params (`limit`, `order`, `include`) a list key ends with. */
  listParamsOf: (queryKey: QueryKey): Partial<RunStepsListKeyParams> =>
    (queryKey.at(-1) as Partial<RunStepsListKeyParams> | undefined) ?? {},
};

/** Mutation keys, under the run they act on, so `useMutationState` / `isMutating` can find them. */
export const runlensMutationKeys = {
  createRun: (threadId: string) => [...runlensKeys.thread(threadId), 'createRun'] as const,
  createThreadRun: () => [...runlensKeys.all(), 'createThreadRun'] as const,
  updateRun: (threadId: string, runId: string) => [...runlensKeys.run(threadId, runId), 'update'] as const,
  submitToolOutputs: (threadId: string, runId: string) =>
    [...runlensKeys.run(threadId, runId), 'submitToolOutputs'] as const,
  cancelRun: (threadId: string, runId: string) => [...runlensKeys.run(threadId, runId), 'cancel'] as const,
};
