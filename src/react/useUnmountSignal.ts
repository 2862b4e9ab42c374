'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * A getter for an AbortSignal that aborts when the component unmounts: what a hook hands to work
 * that must not outlive it (a run stream, a wait). A getter, because the signal of a mount is made
 * in its effect, after the first render; each mount gets a fresh one (StrictMode mounts twice).
 */
export function useUnmountSignal(): () => AbortSignal {
  const controller = useRef<AbortController | null>(null);
  useEffect(() => {
    if (!controller.current || controller.current.signal.aborted) controller.current = new AbortController();
    const current = controller.current;
    return () => current.abort();
  }, []);
  return useCallback(() => (controller.current ??= new AbortController()).signal, []);
}
