import { describe, expect, it } from 'vitest';
import { TERMINAL_RUN_STATUSES } from '../../src/api/schemas';
import { nextPollInterval, resolvePollingTuning, type PollObservation } from '../../src/query/polling';
import { makeRun, requiresActionRun } from './run-fixture';

const fresh: PollObservation = { pollAfterMs: null, unchangedPolls: 0 };
const createdMs = 1_700_000_000_000;
const tuning = resolvePollingTuning({
  minIntervalMs: 500,
  hintFloorMs: 100,
  maxIntervalMs: 5000,
  backoff: 2,
  quickPolls: 2,
  requiresActionIntervalMs: 10_000,
  expiryGraceMs: 250,
  now: () => createdMs + 60_000,
});

describe('nextPollInterval', () => {
  it.each(TERMINAL_RUN_STATUSES)('stops at %s, hint or not', (status) => {
    expect(nextPollInterval(makeRun({ status }), fresh, tuning)).toBe(false);
    expect(nextPollInterval(makeRun({ status }), { pollAfterMs: 100, unchangedPolls: 0 }, tuning)).toBe(false);
  });

  it('follows the server hint, clamped to [hintFloor, max], even below the adaptive minimum', () => {
    const run = makeRun({ status: 'queued' });
    expect(nextPollInterval(run, { pollAfterMs: 1200, unchangedPolls: 9 }, tuning)).toBe(1200);
    expect(nextPollInterval(run, { pollAfterMs: 200, unchangedPolls: 0 }, tuning)).toBe(200);
    expect(nextPollInterval(run, { pollAfterMs: 0, unchangedPolls: 0 }, tuning)).toBe(100);
    expect(nextPollInterval(run, { pollAfterMs: 60_000, unchangedPolls: 0 }, tuning)).toBe(5000);
  });

  it('is quick while the run is young or just changed, then backs off to max', () => {
    const run = makeRun();
    const at = (unchangedPolls: number) => nextPollInterval(run, { pollAfterMs: null, unchangedPolls }, tuning);
    expect([0, 1, 2, 3, 4, 5, 10].map(at)).toEqual([500, 500, 1000, 2000, 4000, 5000, 5000]);
  });

  it('polls cancelling quickly, or when the server says it will have settled', () => {
    expect(nextPollInterval(makeRun({ status: 'cancelling' }), { pollAfterMs: null, unchangedPolls: 7 }, tuning)).toBe(500);
    expect(nextPollInterval(makeRun({ status: 'cancelling' }), { pollAfterMs: 300, unchangedPolls: 7 }, tuning)).toBe(300);
  });

  it('watches requires_action slowly, and once right after expires_at', () => {
    const now = tuning.now();
    const far = requiresActionRun(['call_1'], { expires_at: Math.floor(now / 1000) + 600 });
    expect(nextPollInterval(far, fresh, tuning)).toBe(10_000);
    const soon = requiresActionRun(['call_1'], { expires_at: Math.floor(now / 1000) + 3 });
    expect(nextPollInterval(soon, fresh, tuning)).toBe(3000 + 250);
    // Past the deadline but still requires_action (clock skew): keep watching slowly, not in a burst.
    const past = requiresActionRun(['call_1'], { expires_at: Math.floor(now / 1000) - 5 });
    expect(nextPollInterval(past, fresh, tuning)).toBe(10_000);
    // A hint is followed within [min, requiresActionIntervalMs], still capped by the deadline.
    expect(nextPollInterval(far, { pollAfterMs: 5000, unchangedPolls: 0 }, tuning)).toBe(5000);
    expect(nextPollInterval(soon, { pollAfterMs: 5000, unchangedPolls: 0 }, tuning)).toBe(3250);
  });

  it('keeps polling before the first answer, backs off after a failure that may heal, stops on one that will not', () => {
    expect(nextPollInterval(undefined, fresh, tuning)).toBe(500);
    const run = makeRun();
    expect(nextPollInterval(run, { ...fresh, lastErrorStatus: 503 }, tuning)).toBe(5000);
    expect(nextPollInterval(run, { ...fresh, lastErrorStatus: 0 }, tuning)).toBe(5000);
    expect(nextPollInterval(run, { ...fresh, lastErrorStatus: 429 }, tuning)).toBe(5000);
    expect(nextPollInterval(run, { ...fresh, lastErrorStatus: 404 }, tuning)).toBe(false);
    expect(nextPollInterval(undefined, { ...fresh, lastErrorStatus: 400 }, tuning)).toBe(false);
  });

  it("waits out a 429's or 503's retry-after when it is longer than the usual back-off, up to a minute", () => {
    const run = makeRun();
    expect(nextPollInterval(run, { ...fresh, lastErrorStatus: 429, lastErrorRetryAfterMs: 20_000 }, tuning)).toBe(20_000);
    expect(nextPollInterval(run, { ...fresh, lastErrorStatus: 503, lastErrorRetryAfterMs: 1000 }, tuning)).toBe(5000);
    expect(nextPollInterval(run, { ...fresh, lastErrorStatus: 429, lastErrorRetryAfterMs: 3_600_000 }, tuning)).toBe(60_000);
  });

  it('looks again after an answer that broke the schema a few times in a row, then leaves it to Retry', () => {
    const run = makeRun();
    const schema = (failedPolls: number) => ({ ...fresh, lastErrorStatus: 0, lastErrorIsSchema: true, failedPolls });
    expect(nextPollInterval(run, schema(1), tuning)).toBe(5000);
    expect(nextPollInterval(run, schema(2), tuning)).toBe(5000);
    expect(nextPollInterval(run, schema(3), tuning)).toBe(false);
  });

  it('is pure: same inputs, same answer', () => {
    const run = makeRun({ status: 'queued' });
    const observation = { pollAfterMs: null, unchangedPolls: 4 };
    expect(nextPollInterval(run, observation, tuning)).toBe(nextPollInterval(run, observation, tuning));
    expect(run.status).toBe('queued');
  });

  it('fills defaults, and an undefined knob keeps its default', () => {
    const resolved = resolvePollingTuning({ minIntervalMs: undefined, maxIntervalMs: 9000 });
    expect(resolved.minIntervalMs).toBe(500);
    expect(resolved.maxIntervalMs).toBe(9000);
  });
});
