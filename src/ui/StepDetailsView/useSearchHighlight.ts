'use client';

import { useEffect, useState, type RefObject } from 'react';
import { findTextRanges } from './findTextRanges.js';

/** The CSS Custom Highlight name search matches are registered under (style `::highlight(runlens-search)`). */
export const SEARCH_HIGHLIGHT_NAME = 'runlens-search';

/** The shared Highlight, when the browser has the API (jsdom and older browsers do not). */
function searchHighlight(): Highlight | null {
  if (typeof CSS === 'undefined' || !CSS.highlights || typeof Highlight !== 'function') return null;
  let highlight = CSS.highlights.get(SEARCH_HIGHLIGHT_NAME);
  if (!highlight) CSS.highlights.set(SEARCH_HIGHLIGHT_NAME, (highlight = new Highlight()));
  return highlight;
}

/**
 * Marks every occurrence of `query` under `rootRef` with the `runlens-search` highlight (no DOM
 * change) and returns how many there are (`null` for a blank query, and until mounted). It looks
 * again whenever the text under the root changes or a `<details>` opens or closes, and takes its
 * ranges out on unmount. Ranges are added to the shared highlight, not swapped in, so two panes
 * (or another part's marks) can share the name.
 */
export function useSearchHighlight(rootRef: RefObject<HTMLElement | null>, query: string | undefined): number | null {
  const [count, setCount] = useState<number | null>(null);
  const needle = query?.trim() ?? '';
  useEffect(() => {
    const root = rootRef.current;
    if (!root || needle === '') {
      setCount(null);
      return;
    }
    const highlight = searchHighlight();
    let ranges: Range[] = [];
    const mark = () => {
      for (const range of ranges) highlight?.delete(range);
      ranges = findTextRanges(root, needle);
      for (const range of ranges) highlight?.add(range);
      setCount(ranges.length);
    };
    mark();
    // Text React swaps in (a message that loaded, times localised after hydration) and folds opened.
    const observer = new MutationObserver(mark);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['open'] });
    return () => {
      observer.disconnect();
      for (const range of ranges) highlight?.delete(range);
      if (highlight?.size === 0 && CSS.highlights.get(SEARCH_HIGHLIGHT_NAME) === highlight) CSS.highlights.delete(SEARCH_HIGHLIGHT_NAME);
    };
  }, [rootRef, needle]);
  return count;
}
