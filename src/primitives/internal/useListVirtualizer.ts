'use client';

import { useEffect, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { ListVirtualizer } from './listVirtualizer.js';
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js';

export { FALLBACK_VIEWPORT, type ScrollAlign, type VirtualItem } from './listVirtualizer.js';

export interface UseListVirtualizerOptions {
  /** The rows' items; each row is keyed by its `id`. */
  items: readonly { id: string }[];
  getScrollElement: () => HTMLElement | null;
  /** A number, or a stable function of the row index (a new function recomputes every offset). */
  estimateSize: number | ((index: number) => number);
  enabled: boolean;
  /** @default 5 */
  overscan?: number;
}

const subscribeToNothing = () => () => {};

/**
 * A ListVirtualizer that re-renders its component when the rows to show change. The scroll
 * element is read in a layout effect, so the first paint mounts only the rows that fit: a
 * client-only first render has no rows (the element is not attached yet — a parent's ref attaches
 * after its children's layout effects, hence one more look in the next commit); the server and
 * hydration render FALLBACK_VIEWPORT's rows, so the HTML matches.
 */
export function useListVirtualizer({ items, getScrollElement, estimateSize, enabled, overscan = 5 }: UseListVirtualizerOptions): ListVirtualizer {
  const [, rerender] = useReducer((renders: number) => renders + 1, 0);
  // Synchronous: a scroll or resize re-renders before the browser paints, so no frame shows stale rows.
  const [virtualizer] = useState(() => new ListVirtualizer(() => flushSync(rerender)));
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const missedElement = useRef(0);
  virtualizer.guessViewport = !hydrated || missedElement.current > 1;
  virtualizer.setOptions({ items, estimateSize, overscan });

  useIsomorphicLayoutEffect(() => {
    const element = enabled ? getScrollElement() : null;
    virtualizer.attach(element);
    if (!enabled) return;
    // No element yet: look again after this commit; if it is still missing, show the fallback's rows.
    if (!element && missedElement.current <= 1) {
      missedElement.current++;
      rerender();
    } else if (virtualizer.needsRender()) rerender();
  });
  useEffect(() => () => virtualizer.detach(), [virtualizer]);
  return virtualizer;
}
