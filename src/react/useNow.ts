'use client';

import { useEffect, useState } from 'react';

/** `now()` re-read every `everyMs` while `active`, so countdowns stay live between polls. */
export function useNow(now: () => number, everyMs: number, active: boolean): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setTick((tick) => tick + 1), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now();
}
