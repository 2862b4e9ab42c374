// A token bucket per user: `perMinute` requests a minute on average, bursts up to `perMinute`.
// Buckets that have refilled are dropped, so the map holds only users seen in the last minute.

export interface RateLimiter {
  /** Takes one token for `user`: `0` when allowed, else the seconds to wait (for `retry-after`). */
  take(user: string): number;
}

export function createRateLimiter(perMinute: number, now: () => number = () => performance.now()): RateLimiter {
  const ratePerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = now();

  function sweep(time: number): void {
    if (time - lastSweep < 60_000) return;
    lastSweep = time;
    for (const [user, bucket] of buckets) if (bucket.tokens + (time - bucket.at) * ratePerMs >= perMinute) buckets.delete(user);
  }

  return {
    take(user) {
      const time = now();
      sweep(time);
      const bucket = buckets.get(user) ?? { tokens: perMinute, at: time };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * ratePerMs);
      bucket.at = time;
      buckets.set(user, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
    },
  };
}
