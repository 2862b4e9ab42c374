import { replaceEqualDeep, type QueryState } from '@tanstack/query-core';
import type { RunWithPollHint } from '../api/client.js';
import { RunsApiError, RunsSchemaError } from '../api/errors.js';
import type { Run } from '../api/schemas/index.js';
import type { PollObservation } from './polling.js';

/*
 * The run query's data is the plain `Run` (so mutations and cache.ts can write it), while the
 * server's poll hint and "how many polls saw no change" ride beside it in a WeakMap keyed by the
 * very object the cache holds. Structural sharing may keep the previous object instead of the
 * new one, so the sharing function below moves the entry onto whichever object survives.
 */
interface RunPollMeta {
  pollAfterMs: number | null;
  unchangedPolls: number;
}

const pollMeta = new WeakMap<Run, RunPollMeta>();

/** Unwraps a `getRun` result, remembering its hint beside the run. */
export function rememberPollHint({ run, pollAfterMs }: RunWithPollHint): Run {
  pollMeta.set(run, { pollAfterMs, unchangedPolls: 0 });
  return run;
}

/**
 * `structuralSharing` for run queries: TanStack's deep sharing, plus the meta carried over.
 * Data written by hand (a mutation's answer) has no hint and counts as a change, so polling
 * restarts quick.
 */
export function shareRunKeepingPollMeta(previous: unknown, next: unknown): unknown {
  const kept = replaceEqualDeep(previous, next) as Run;
  // TanStack also shares `select` results through this function: those are not runs.
  if (typeof kept !== 'object' || kept === null) return kept;
  const incoming = pollMeta.get(next as Run);
  const unchanged = previous !== undefined && kept === previous;
  pollMeta.set(kept, {
    pollAfterMs: incoming?.pollAfterMs ?? null,
    unchangedPolls: unchanged ? (pollMeta.get(previous as Run)?.unchangedPolls ?? 0) + 1 : 0,
  });
  return kept;
}

/** HTTP status of an error, 0 when it has none (connection failures). */
function errorStatus(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : 0;
}

// The query's error count when it last succeeded: failures since are the ones in a row.
const errorsAtLastSuccess = new WeakMap<object, number>();

/** What the polling policy may know about a run query beyond its data. */
export function observeRunQuery(query: { state: QueryState<Run, unknown> }): PollObservation {
  const { data, status, error, errorUpdateCount } = query.state;
  const meta = data ? pollMeta.get(data) : undefined;
  if (status !== 'error') errorsAtLastSuccess.set(query, errorUpdateCount);
  const failed = status === 'error';
  return {
    pollAfterMs: meta?.pollAfterMs ?? null,
    unchangedPolls: meta?.unchangedPolls ?? 0,
    lastErrorStatus: failed ? errorStatus(error) : undefined,
    lastErrorIsSchema: failed && RunsSchemaError.is(error),
    lastErrorRetryAfterMs: failed && RunsApiError.is(error) ? error.retryAfterMs : null,
    failedPolls: failed ? errorUpdateCount - (errorsAtLastSuccess.get(query) ?? 0) : 0,
  };
}

/** The hint and change count for a run object from the cache (used by step polling). */
export function pollObservationOf(run: Run | undefined): PollObservation {
  const meta = run ? pollMeta.get(run) : undefined;
  return { pollAfterMs: meta?.pollAfterMs ?? null, unchangedPolls: meta?.unchangedPolls ?? 0 };
}
