'use client';

import { useEffect, useState } from 'react';
import { useHydrated } from './useHydrated.js';

/**
 * `now()` re-read every `everyMs` while `active`, so countdowns stay live between polls. On the
 * server and while hydrating it is `asOf` instead (when the shown data was fetched: a query's
 * `dataUpdatedAt`), so both sides render the same durations and deadlines.
 */
export function useNow(now: () => number, everyMs: number, active: boolean, asOf: number): number {
  const hydrated = useHydrated();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return hydrated ? now() : asOf;
}
