import { isRetryableStatus } from '../api/errors.js';
import type { Run } from '../api/schemas/index.js';
import type { PhaseTimes, TypicalPhase } from './phase-times.js';
import { isTerminalStatus } from './run-state.js';

/** Knobs of the polling policy. RunsProvider takes a partial of this; tests shorten everything. */
export interface PollingTuning {
  /** Shortest interval of the adaptive policy (and for `cancelling`). @default 500 */
  minIntervalMs: number;
  /** Lowest server hint honoured as is: a hint is the server's word, so it may undercut `minIntervalMs`. @default 100 */
  hintFloorMs: number;
  /** Longest interval while a run can still move, and the ceiling for the hint. @default 5000 */
  maxIntervalMs: number;
  /** Factor per unchanged poll once the quick phase is over, until timings are learned. @default 1.25 */
  backoff: number;
  /** Polls made at `minIntervalMs` after a run appears or changes, before backing off. @default 3 */
  quickPolls: number;
  /**
   * With learned timings and no hint: the interval while a change is likely (or an eighth of the
   * status's typical time when that is longer), so a change shows within about this long.
   * @default 800
   */
  likelyIntervalMs: number;
  /**
   * Where time-in-status is learned from the runs watched (used when the server sends no hint);
   * `false` turns learning off. @default one estimator per RunsClient (see phase-times.ts)
   */
  phaseTimes?: PhaseTimes | false;
  /** Interval while a run waits for tool outputs (capped by the time left to `expires_at`). @default 10000 */
  requiresActionIntervalMs: number;
  /** How long after `expires_at` the one check that should see `expired` runs. @default 250 */
  expiryGraceMs: number;
  /** Clock for `expires_at` arithmetic (server seconds vs. this clock). @default Date.now */
  now: () => number;
  /** A stream with no event for this long counts as stalled and hands its run back to polling. @default 30000 */
  streamStallMs: number;
}

export const defaultPollingTuning: PollingTuning = {
  minIntervalMs: 500,
  hintFloorMs: 100,
  maxIntervalMs: 5000,
  backoff: 1.25,
  quickPolls: 3,
  likelyIntervalMs: 800,
  requiresActionIntervalMs: 10_000,
  expiryGraceMs: 250,
  now: () => Date.now(),
  streamStallMs: 30_000,
};

/** Defaults filled in; a key given as `undefined` keeps its default. */
export function resolvePollingTuning(partial: Partial<PollingTuning> = {}): PollingTuning {
  const given = Object.entries(partial).filter(([, value]) => value !== undefined);
  return { ...defaultPollingTuning, ...(Object.fromEntries(given) as Partial<PollingTuning>) };
}

/** What the policy knows besides the run itself; all of it is observed, none of it is state the policy keeps. */
export interface PollObservation {
  /** The server's `openai-poll-after-ms` from the fetch that produced this run, if any. */
  pollAfterMs: number | null;
  /** Consecutive fetches that returned the same run (0 right after a change or a cache write). */
  unchangedPolls: number;
  /** HTTP status of the last fetch's error when the last fetch failed; 0 for a connection error. */
  lastErrorStatus?: number | undefined;
  /** The last fetch failed because the answer broke the schema (it has no HTTP status of its own). */
  lastErrorIsSchema?: boolean | undefined;
  /** The server's `retry-after` on the last failed fetch (the SDK has already given up retrying it). */
  lastErrorRetryAfterMs?: number | null | undefined;
  /** Fetches that failed in a row since the last success. */
  failedPolls?: number | undefined;
  /** How long the client had seen the run in this status when this answer came (0 on the answer that showed it first). */
  inStatusMs?: number | undefined;
  /** What this backend's runs typically spend in this status, when learned (phase-times.ts). */
  typical?: TypicalPhase | undefined;
}

/** A schema-breaking answer may be a glitch (a proxy, a bad deploy): looked at again this many times, then left for the person's Retry. */
export const SCHEMA_ERROR_POLLS = 3;
/** The longest `retry-after` the policy waits for before looking again anyway. */
const MAX_RETRY_AFTER_MS = 60_000;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Below this many spreads under the median a change is unlikely (~5 % of runs); above the upper bound, rare (<1 %). */
const LIKELY_FROM_SPREADS = 1.6;
const LIKELY_UNTIL_SPREADS = 2.5;

/**
 * Without a hint but with learned timings: one look when a change becomes likely, then every
 * `likelyIntervalMs` while it is, then backing off once the run is slower than its peers.
 */
function learnedInterval(typical: TypicalPhase, inStatusMs: number, tuning: PollingTuning): number {
  const { maxIntervalMs: max } = tuning;
  const likely = clamp(typical.medianMs / 8, tuning.likelyIntervalMs, max);
  const likelyFrom = typical.medianMs * Math.exp(-LIKELY_FROM_SPREADS * typical.spread);
  const likelyUntil = typical.medianMs * Math.exp(LIKELY_UNTIL_SPREADS * typical.spread);
  if (inStatusMs + likely < likelyFrom) return Math.round(Math.min(max, likelyFrom - inStatusMs));
  if (inStatusMs < likelyUntil) return Math.round(likely);
  return Math.round(clamp(likely + (inStatusMs - likelyUntil) * (tuning.backoff - 1), likely, max));
}


/**
 * The polling policy: how long to wait before looking at `run` again, or `false` to stop.
 * Pure: same run, observation and tuning give the same answer.
 *
 * - terminal → `false`; a 4xx that will not heal (404, 400…) → `false`
 * - a failed poll that may heal → `maxIntervalMs`, or the server's `retry-after` when longer (the
 *   SDK has already retried it); an answer that broke the schema → the same, `SCHEMA_ERROR_POLLS`
 *   times in a row, then `false`
 * - `requires_action` → slowly (or at the hint), but never past `expires_at` + grace, so expiry
 *   shows up promptly
 * - the server's hint, clamped to [hintFloorMs, max], when it sent one
 * - `cancelling` without a hint → `minIntervalMs` (it settles fast and the user is waiting)
 * - with learned time-in-status (`observation.typical`): wait until a change is likely, then
 *   every `likelyIntervalMs` while it is, then back off
 * - otherwise adaptive: quick for the first polls after a change, then ×backoff up to max
 */
export function nextPollInterval(
  run: Run | undefined,
  observation: PollObservation,
  tuning: PollingTuning = defaultPollingTuning,
): number | false {
  const { minIntervalMs: min, maxIntervalMs: max } = tuning;
  if (run && isTerminalStatus(run.status)) return false;
  if (observation.lastErrorStatus !== undefined) {
    if (observation.lastErrorIsSchema) return (observation.failedPolls ?? 1) >= SCHEMA_ERROR_POLLS ? false : max;
    if (!isRetryableStatus(observation.lastErrorStatus)) return false;
    return Math.max(max, Math.min(observation.lastErrorRetryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
  }
  if (!run) return min;
  if (run.status === 'requires_action') {
    const slow =
      observation.pollAfterMs != null
        ? clamp(observation.pollAfterMs, tuning.hintFloorMs, tuning.requiresActionIntervalMs)
        : tuning.requiresActionIntervalMs;
    if (run.expires_at == null) return slow;
    const untilExpiry = run.expires_at * 1000 - tuning.now();
    // Past expires_at and still requires_action (clock skew, slow server): keep watching slowly.
    return untilExpiry > 0 ? Math.min(slow, untilExpiry + tuning.expiryGraceMs) : slow;
  }
  if (observation.pollAfterMs != null) return clamp(observation.pollAfterMs, tuning.hintFloorMs, max);
  if (run.status === 'cancelling') return min;
  if (observation.typical && observation.inStatusMs !== undefined) return learnedInterval(observation.typical, observation.inStatusMs, tuning);
  const beyondQuick = observation.unchangedPolls - tuning.quickPolls;
  if (beyondQuick < 0) return min;
  return Math.round(clamp(min * tuning.backoff ** (beyondQuick + 1), min, max));
}
