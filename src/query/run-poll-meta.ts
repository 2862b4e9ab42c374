import { replaceEqualDeep, type QueryState } from '@tanstack/query-core';
import type { RunWithPollHint } from '../api/client.js';
import { RunsApiError, RunsSchemaError } from '../api/errors.js';
import type { Run } from '../api/schemas/index.js';
import { nextPollInterval, type PollingTuning, type PollObservation } from './polling.js';

/*
 * The run query's data is the plain `Run` (so mutations and cache.ts can write it), while the
 * server's poll hint and "how many polls saw no change" ride beside it in a WeakMap keyed by the
 * very object the cache holds. Structural sharing may keep the previous object instead of the
 * new one, so the sharing function below moves the entry onto whichever object survives.
 */
interface RunPollMeta {
  pollAfterMs: number | null;
  unchangedPolls: number;
  /** When the client first had the run in this status (the query's `dataUpdatedAt` then), epoch ms. */
  statusSince?: number;
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
  const before = previous === undefined ? undefined : pollMeta.get(previous as Run);
  const unchanged = previous !== undefined && kept === previous;
  const sameStatus = before?.statusSince !== undefined && (previous as Run).status === kept.status;
  pollMeta.set(kept, {
    pollAfterMs: incoming?.pollAfterMs ?? null,
    unchangedPolls: unchanged ? (before?.unchangedPolls ?? 0) + 1 : 0,
    ...(sameStatus ? { statusSince: before.statusSince } : {}),
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

/** What the polling policy may know about any polled query's last failure (none fields when it did not fail). */
export function observeFailure(query: { state: QueryState<unknown, unknown> }): Pick<PollObservation, 'lastErrorStatus' | 'lastErrorIsSchema' | 'lastErrorRetryAfterMs' | 'failedPolls'> {
  const { status, error, errorUpdateCount } = query.state;
  if (status !== 'error') errorsAtLastSuccess.set(query, errorUpdateCount);
  const failed = status === 'error';
  return {
    lastErrorStatus: failed ? errorStatus(error) : undefined,
    lastErrorIsSchema: failed && RunsSchemaError.is(error),
    lastErrorRetryAfterMs: failed && RunsApiError.is(error) ? error.retryAfterMs : null,
    failedPolls: failed ? errorUpdateCount - (errorsAtLastSuccess.get(query) ?? 0) : 0,
  };
}

/** What the polling policy may know about a run query beyond its data. */
export function observeRunQuery(query: { state: QueryState<Run, unknown> }): PollObservation {
  const { data, dataUpdatedAt } = query.state;
  const meta = data ? pollMeta.get(data) : undefined;
  // The first look at a status after it changed marks when the client began seeing it.
  if (meta && meta.statusSince === undefined) meta.statusSince = dataUpdatedAt;
  return {
    pollAfterMs: meta?.pollAfterMs ?? null,
    unchangedPolls: meta?.unchangedPolls ?? 0,
    ...observeFailure(query),
    inStatusMs: meta?.statusSince === undefined ? undefined : Math.max(0, dataUpdatedAt - meta.statusSince),
  };
}

/**
 * When a polled query whose last fetch failed looks again, by the run's rule (`nextPollInterval`):
 * a failure that may heal after `maxIntervalMs` or the server's `retry-after`, a broken answer a
 * few times, anything else never. `undefined` when the last fetch did not fail. For the steps and
 * message queries, so every reader of a run backs off alike (on the Responses API they read the same URL).
 */
export function pollIntervalAfterFailure(query: { state: QueryState<unknown, unknown> }, tuning: PollingTuning): number | false | undefined {
  if (query.state.status !== 'error') {
    observeFailure(query);
    return undefined;
  }
  return nextPollInterval(undefined, { pollAfterMs: null, unchangedPolls: 0, ...observeFailure(query) }, tuning);
}

/**
 * One time-in-status sample when a fetched run shows a new status: from when the client began
 * seeing the old one to halfway between its last answer showing it (`lastSeenAt`) and `now`.
 */
export function statusDuration(previous: Run | undefined, next: Run, lastSeenAt: number, now: number): { status: Run['status']; ms: number } | undefined {
  const since = previous ? pollMeta.get(previous)?.statusSince : undefined;
  if (!previous || since === undefined || previous.status === next.status) return undefined;
  return { status: previous.status, ms: (lastSeenAt + now) / 2 - since };
}

/** The hint and change count for a run object from the cache (used by step polling). */
export function pollObservationOf(run: Run | undefined): PollObservation {
  const meta = run ? pollMeta.get(run) : undefined;
  return { pollAfterMs: meta?.pollAfterMs ?? null, unchangedPolls: meta?.unchangedPolls ?? 0 };
}
