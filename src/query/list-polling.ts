import type { QueryState } from '@tanstack/query-core';
import type { Run } from '../api/schemas/index.js';
import { flattenPages, type PagesData } from './pages.js';
import { defaultPollingTuning, nextPollInterval, type PollingTuning } from './polling.js';
import { observeRunQuery } from './run-poll-meta.js';
import { isTerminalStatus } from './run-state.js';

/**
 * The list's refresh interval in multiples of the policy's `minIntervalMs` (500 ms → 1 s): a row
 * is then at most ~1 s behind, so its p95 staleness stays under 2 s even with a slow answer.
 * Derived, not a knob of its own, so tests that shorten the policy shorten this too.
 */
export const LIST_INTERVAL_FACTOR = 2;

/** How a loaded runs list keeps its active rows fresh. */
export interface ListRefreshPlan {
  /** Refetch the list (every loaded page) this often; `false`: the list itself does not poll. */
  listIntervalMs: number | false;
  /** Active runs polled one by one (each by its own run query and the run policy) instead. */
  runsToPoll: Run[];
}

/**
 * One request per loaded page or one per active run, whichever is fewer: a refetch reads every
 * loaded page (TanStack refetches an infinite query page by page), so 100 active runs in 5 pages
 * are 5 requests a round, while one active run on top of 10 pages of history is better polled
 * alone. A tie goes to the runs, which follow the server's hints; so a thread that holds one
 * active run at a time (the Assistants API's rule) keeps polling that run alone. While the list polls, its interval is the run policy's quickest answer for any active run
 * (so a list that only waits for tool outputs polls slowly, and checks again right after an
 * `expires_at`), never below `LIST_INTERVAL_FACTOR × minIntervalMs`. Nothing when every run is terminal.
 */
export function listRefreshPlan(
  data: PagesData<Run> | undefined,
  tuning: PollingTuning = defaultPollingTuning,
  /** Whether a list page is one request for its runs (`capabilities.listInOneRequest`); if not, the runs are polled. */
  pagesAreOneRequest = true,
): ListRefreshPlan {
  const active = flattenPages(data).filter((run) => !isTerminalStatus(run.status));
  const pages = data?.pages.length ?? 0;
  if (active.length === 0) return { listIntervalMs: false, runsToPoll: [] };
  if (active.length <= pages || !pagesAreOneRequest) return { listIntervalMs: false, runsToPoll: active };
  const floor = LIST_INTERVAL_FACTOR * tuning.minIntervalMs;
  let interval = Infinity;
  for (const run of active) {
    // No hint and no change count for a listed run: what the policy says right after it changed.
    const wanted = nextPollInterval(run, { pollAfterMs: null, unchangedPolls: 0 }, tuning);
    if (wanted !== false) interval = Math.min(interval, Math.max(floor, wanted));
  }
  return { listIntervalMs: interval === Infinity ? false : interval, runsToPoll: [] };
}

/**
 * `refetchInterval` of a runs list: the plan's interval, or after a failed refresh what the run
 * policy does after a failed poll (wait `maxIntervalMs` or the server's `retry-after`; stop on an
 * error that will not heal).
 */
export function listRefetchInterval(
  query: { state: QueryState<PagesData<Run>, unknown> },
  tuning: PollingTuning = defaultPollingTuning,
  pagesAreOneRequest = true,
): number | false {
  const { listIntervalMs } = listRefreshPlan(query.state.data, tuning, pagesAreOneRequest);
  if (listIntervalMs === false) return false;
  // The observation reads only the query's error bookkeeping, which is the same for a list.
  const observation = observeRunQuery(query as unknown as { state: QueryState<Run, unknown> });
  if (observation.lastErrorStatus === undefined) return listIntervalMs;
  const afterError = nextPollInterval(undefined, observation, tuning);
  return afterError === false ? false : Math.max(listIntervalMs, afterError);
}
