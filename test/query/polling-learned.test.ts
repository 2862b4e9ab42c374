import { describe, expect, it } from 'vitest';
import { createPhaseTimes } from '../../src/query/phase-times';
import { defaultPollingTuning, nextPollInterval, type PollObservation } from '../../src/query/polling';
import { makeRun } from './run-fixture';

const inProgress = makeRun({ status: 'in_progress' });
// A backend whose in_progress lasts ~5 s, give or take a factor of 1.35.
const typical = { medianMs: 5_000, spread: 0.3, samples: 8 };
const at = (inStatusMs: number, extra: Partial<PollObservation> = {}) =>
  nextPollInterval(inProgress, { pollAfterMs: null, unchangedPolls: 0, inStatusMs, typical, ...extra }, defaultPollingTuning);

describe('nextPollInterval with learned time-in-status (no hint)', () => {
  it('waits until a change becomes likely, then looks every likelyIntervalMs, then backs off past the usual', () => {
    const likelyFrom = 5_000 * Math.exp(-1.6 * 0.3); // ≈ 3 094 ms
    expect(at(0)).toBe(Math.round(likelyFrom));
    expect(at(2_000)).toBe(Math.round(likelyFrom - 2_000));
    expect([3_000, 5_000, 9_000].map((ms) => at(ms))).toEqual([800, 800, 800]);
    const late = [12_000, 20_000, 60_000].map((ms) => Number(at(ms)));
    expect(late[0]).toBeGreaterThan(800);
    expect(late[1]).toBeGreaterThan(late[0]!);
    expect(late[2]).toBe(defaultPollingTuning.maxIntervalMs);
  });

  it('scales the likely interval to slow phases (an eighth of the median), up to max', () => {
    const slow = { medianMs: 24_000, spread: 0.2, samples: 5 };
    expect(at(24_000, { typical: slow })).toBe(3_000);
    expect(at(240_000, { typical: { ...slow, medianMs: 240_000 } })).toBe(defaultPollingTuning.maxIntervalMs);
  });

  it('leaves the hint, cancelling and requires_action to their own rules', () => {
    expect(at(0, { pollAfterMs: 1_200 })).toBe(1_200);
    const cancelling = makeRun({ status: 'cancelling' });
    expect(nextPollInterval(cancelling, { pollAfterMs: null, unchangedPolls: 0, inStatusMs: 0, typical }, defaultPollingTuning)).toBe(500);
  });

  it('without learned timings keeps the quick-then-back-off schedule', () => {
    const cold = [0, 1, 2, 3, 4, 5].map((unchangedPolls) => nextPollInterval(inProgress, { pollAfterMs: null, unchangedPolls, inStatusMs: 0 }, defaultPollingTuning));
    expect(cold).toEqual([500, 500, 500, 625, 781, 977]);
  });

  it('is pure: same inputs, same answer', () => {
    expect(at(4_321)).toBe(at(4_321));
    expect(at(0)).toBe(at(0));
  });
});

describe('createPhaseTimes', () => {
  it('fits a median and a spread, shrunk toward a prior while samples are few', () => {
    const times = createPhaseTimes();
    expect(times.typical('in_progress')).toBeUndefined();
    times.record('in_progress', 4_000);
    expect(times.typical('in_progress')).toMatchObject({ spread: 0.5, samples: 1 });
    expect(times.typical('in_progress')!.medianMs).toBeCloseTo(4_000, 6);
    for (let i = 0; i < 15; i++) times.record('in_progress', 4_000);
    const fit = times.typical('in_progress')!;
    expect(fit.medianMs).toBeCloseTo(4_000, 6);
    expect(fit.spread).toBeLessThan(0.2);
  });

  it('keeps only the last `limit` samples, and learns only statuses the server moves on by itself', () => {
    const times = createPhaseTimes(3);
    for (const ms of [1_000, 8_000, 8_000, 8_000]) times.record('queued', ms);
    expect(times.typical('queued')).toMatchObject({ samples: 3 });
    expect(times.typical('queued')!.medianMs).toBeCloseTo(8_000, 6);
    times.record('requires_action', 30_000);
    times.record('in_progress', Number.NaN);
    times.record('in_progress', -5);
    expect(times.typical('requires_action')).toBeUndefined();
    expect(times.typical('in_progress')).toBeUndefined();
  });
});
