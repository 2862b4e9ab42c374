import { foldCase, foldQuery } from './foldCase.js';

/** The folded text and, per folded code unit, the original range of the character it came from. */
function foldWithOffsets(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; ) {
    const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
    const lower = foldCase(char);
    for (let k = 0; k < lower.length; k += 1) {
      starts.push(i);
      ends.push(i + char.length);
    }
    folded += lower;
    i += char.length;
  }
  return { folded, starts, ends };
}

/**
 * Where `query` occurs in `text`, case-insensitively as the search matches (trimmed), as
 * non-overlapping `[start, end)` UTF-16 offsets into `text` — ready for a `Range` in the CSS Custom
 * Highlight API or for slicing into marks. An empty query has none.
 *
 * @example
 * findMatchRanges('Charge_card failed: charge_card…', 'CHARGE_CARD') // → [[0, 11], [20, 31]]
 */
export function findMatchRanges(text: string, query: string): Array<[start: number, end: number]> {
  const needle = foldQuery(query);
  if (needle === '') return [];
  const whole = foldCase(text);
  // Usually folding keeps every offset; when some character grows (İ → i̇), map back per character.
  const mapped = whole.length === text.length ? null : foldWithOffsets(text);
  const folded = mapped ? mapped.folded : whole;
  const ranges: Array<[number, number]> = [];
  for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + needle.length)) {
    const end = at + needle.length;
    const range: [number, number] = mapped ? [mapped.starts[at] ?? 0, mapped.ends[end - 1] ?? text.length] : [at, end];
    // Two matches inside one grown character would overlap once mapped back: keep the first.
    if (range[0] >= (ranges.at(-1)?.[1] ?? 0)) ranges.push(range);
  }
  return ranges;
}
