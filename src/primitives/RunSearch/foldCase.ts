// One case fold for the index, the query and highlighting, so what search finds is what gets marked.
// `toLowerCase` (locale-free, so no Turkish-I surprises), and final sigma folded to σ: a word typed in
// capitals (ΟΔΟΣ) still finds its lowercase spelling (οδος), whose last letter is ς.

/** `text` case-folded; same length as `text` when no character lowercases to more than one unit. */
export function foldCase(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ς') ? lower.replaceAll('ς', 'σ') : lower;
}

/** A search query as matched: trimmed and case-folded. */
export const foldQuery = (query: string): string => foldCase(query.trim());
