import type { Run } from '../api/schemas/index.js';

/** How long runs typically stay in one status on this backend, as a lognormal fitted to what was seen. */
export interface TypicalPhase {
  /** Median time in the status, ms. */
  medianMs: number;
  /** Standard deviation of ln(duration): 0.5 means one run in three is beyond ×1.65 of the median. */
  spread: number;
  /** Durations it was fitted to. */
  samples: number;
}

/** Time-in-status learned from the runs a client has watched; bounded (a few statuses × `limit` samples). */
export interface PhaseTimes {
  /** One observed time in `status`, ms (from first seeing it to about when it changed). */
  record(status: Run['status'], durationMs: number): void;
  /** The fit for `status`, or `undefined` before anything was seen in it. */
  typical(status: Run['status']): TypicalPhase | undefined;
}

// Only the statuses the server moves on by itself are worth learning; requires_action waits for the app.
const learned: ReadonlySet<Run['status']> = new Set(['queued', 'in_progress', 'cancelling']);
// A prior spread worth one sample keeps the first fits from trusting one or two runs too much.
const priorSpread = 0.5;
const priorWeight = 1;

/**
 * A fresh estimator keeping the last `limit` durations per status.
 * @example
 * const times = createPhaseTimes();
 * times.record('in_progress', 4_800);
 * times.typical('in_progress'); // { medianMs: 4800, spread: 0.5, samples: 1 }
 */
export function createPhaseTimes(limit = 16): PhaseTimes {
  const logs = new Map<Run['status'], number[]>();
  return {
    record(status, durationMs) {
      if (!learned.has(status) || !(durationMs > 0) || !Number.isFinite(durationMs)) return;
      const kept = logs.get(status) ?? [];
      kept.push(Math.log(durationMs));
      if (kept.length > limit) kept.shift();
      logs.set(status, kept);
    },
    typical(status) {
      const kept = logs.get(status);
      if (!kept?.length) return undefined;
      const mean = kept.reduce((sum, value) => sum + value, 0) / kept.length;
      const squares = kept.reduce((sum, value) => sum + (value - mean) ** 2, 0);
      const spread = Math.sqrt((squares + priorWeight * priorSpread ** 2) / (kept.length - 1 + priorWeight));
      return { medianMs: Math.exp(mean), spread, samples: kept.length };
    },
  };
}

// One estimator per backend client by default: timings belong to the backend, and tests with their own client start fresh.
const perClient = new WeakMap<object, PhaseTimes>();

/** The estimator `client`'s run queries learn into (created on first use). */
export function phaseTimesOf(client: object): PhaseTimes {
  let times = perClient.get(client);
  if (!times) perClient.set(client, (times = createPhaseTimes()));
  return times;
}
