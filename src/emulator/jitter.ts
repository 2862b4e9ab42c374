import { createRandom } from './faults/random.js';

/** How much a run's phases vary (`EmulatorOptions.timingJitter`). */
export interface TimingJitter {
  /** Spread of the lognormal factor each phase is stretched by: exp(sigma · N(0, 1)); its median is 1. */
  sigma: number;
  /** Seed of the draws: the same seed and calls give the same timings. @default 1 */
  seed?: number;
}

/**
 * Stretch factors for run phases: lognormal with median 1, cut at ±3 sigma so no phase collapses
 * to nothing or runs for ever. Real runs do not take round numbers of seconds.
 */
export function createJitter({ sigma, seed = 1 }: TimingJitter): () => number {
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new RangeError(`timingJitter.sigma must be a number ≥ 0, got ${sigma}`);
  const random = createRandom(seed);
  return () => {
    // Box–Muller; 1 - u keeps the logarithm finite.
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return Math.exp(sigma * Math.max(-3, Math.min(3, normal)));
  };
}
