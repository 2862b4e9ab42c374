'use client';

import {
  measureElement as measureElementDefault,
  observeElementRect,
  useVirtualizer,
  type Rect,
} from '@tanstack/react-virtual';
import { useCallback } from 'react';

/** Viewport assumed while the scroll container reports no size (jsdom, or not laid out yet). */
export const FALLBACK_VIEWPORT: Rect = { width: 800, height: 600 };

export interface ListVirtualizerOptions {
  /** The rows' items; each row is keyed by its `id`. */
  items: readonly { id: string }[];
  getScrollElement: () => HTMLElement | null;
  estimateSize: number;
  enabled: boolean;
  overscan?: number;
}

/**
 * `useVirtualizer` with two guards for containers that have no layout (jsdom, hidden tabs):
 * a zero-size viewport counts as FALLBACK_VIEWPORT so the first rows still render, and a row
 * measured at 0 px keeps its estimate — otherwise every row "fits" and all 10 000 would mount.
 * `getItemKey`/`estimateSize` keep their identity until the items change: the virtualizer
 * recomputes every row's offset (O(n)) whenever `getItemKey` changes, which on each scroll
 * frame made frame time grow with the list's length.
 */
export function useListVirtualizer(options: ListVirtualizerOptions) {
  const { items, estimateSize } = options;
  const getItemKey = useCallback((index: number) => items[index]?.id ?? index.toString(), [items]);
  const estimate = useCallback(() => estimateSize, [estimateSize]);
  return useVirtualizer<HTMLElement, HTMLElement>({
    count: items.length,
    enabled: options.enabled,
    getScrollElement: options.getScrollElement,
    estimateSize: estimate,
    getItemKey,
    overscan: options.overscan ?? 5,
    initialRect: FALLBACK_VIEWPORT,
    observeElementRect: observeRectOrFallback,
    measureElement: (element, entry, instance) => {
      const size = measureElementDefault(element, entry, instance);
      return size > 0 ? size : estimateSize;
    },
  });
}

const observeRectOrFallback: typeof observeElementRect = (instance, callback) =>
  observeElementRect(instance, (rect) => callback(rect.width === 0 && rect.height === 0 ? FALLBACK_VIEWPORT : rect));
