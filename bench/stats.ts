// Order statistics every bench reports with: nearest-rank, so a reported p95 is a value that was measured.

/** The nearest-rank `p`th percentile (0–100) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** The lower median (nearest-rank p50). */
export const median = (values: readonly number[]): number => percentile(values, 50);
