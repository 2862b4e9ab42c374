'use client';

import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => {};

/**
 * False while rendering on the server and while hydrating what the server rendered; true after
 * that, and at once on a client-only render. Lets a component show the same text on both sides of
 * hydration (a UTC time, a time as of the data's fetch) and switch to local values right after.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
