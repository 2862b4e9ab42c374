import { findMatchRanges } from '../../primitives/RunSearch/index.js';

/** Whether `node` sits inside a closed `<details>` (below `root`), outside its `<summary>`: not on screen. */
function isFolded(node: Node, root: Node): boolean {
  let el = node.parentElement;
  while (el && el !== root) {
    // A summary shows while its details is closed: look past that details.
    const shownSummary = el.tagName === 'SUMMARY' && el.parentElement?.tagName === 'DETAILS';
    if (!shownSummary && el.tagName === 'DETAILS' && !(el as HTMLDetailsElement).open) return true;
    el = shownSummary ? (el.parentElement === root ? null : el.parentElement!.parentElement) : el.parentElement;
  }
  return false;
}

/**
 * A DOM `Range` for every occurrence of `query` in the text under `root`, matched as the run search
 * matches (`findMatchRanges`: trimmed, case-folded), in document order. Text folded away in a closed
 * `<details>` is skipped (it is not on screen), and a match never spans two text nodes. A blank
 * query finds nothing.
 *
 * @example
 * CSS.highlights.set('runlens-search', new Highlight(...findTextRanges(pane, 'weather')));
 */
export function findTextRanges(root: Node, query: string): Range[] {
  const needle = query.trim();
  const document = root.ownerDocument;
  if (needle === '' || !document) return [];
  const ranges: Range[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (isFolded(node, root)) continue;
    // The search's own matcher (same case folding), so what a search finds is what gets marked.
    for (const [start, end] of findMatchRanges(node.nodeValue ?? '', needle)) {
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      ranges.push(range);
    }
  }
  return ranges;
}
