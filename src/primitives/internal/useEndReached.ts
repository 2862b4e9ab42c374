'use client';

import { useEffect, useRef } from 'react';

/**
 * Calls `onEndReached` once the last rendered row (overscan included) is within `threshold` rows of
 * the end — at most once per list length, so it fires again only after more items arrived (a
 * failed load waits for the caller's fallback, e.g. a "Load more" button). Runs after paint.
 */
export function useEndReached(
  lastRenderedIndex: number | undefined,
  count: number,
  onEndReached: (() => void) | undefined,
  threshold: number,
): void {
  const callback = useRef(onEndReached);
  const firedAtCount = useRef(-1);
  useEffect(() => {
    callback.current = onEndReached;
  });
  const nearEnd = onEndReached !== undefined && lastRenderedIndex !== undefined && lastRenderedIndex >= count - 1 - threshold;
  useEffect(() => {
    if (!nearEnd || firedAtCount.current === count) return;
    firedAtCount.current = count;
    callback.current?.();
  }, [nearEnd, count]);
}
