import type { RunStep } from '../../src/api/schemas';
import { createRunSearchIndex } from '../../src/primitives';
import { median, percentile } from '../stats';

// What a person typing a tool name waits for, runlens's index beside the naive scan. Each trial
// gets fresh step objects (a copy made outside the timing): the index caches per step object, and a
// cold build is what a freshly opened run pays.

export interface Timing {
  median: number;
  p95: number;
}

/** One measure, runlens beside the naive way doing the same searches. */
export interface Row {
  runlens: Timing;
  naive: Timing;
}

export interface SearchTimings {
  /** (a) open the run, type the first key: index build + search 'c' (most steps match). */
  firstKey: Row;
  /** (a) open the run, paste the whole name: index build + search 'charge_card'. */
  firstPaste: Row;
  /** (b) the whole name on a built index (after an unrelated search: a full scan). */
  builtSearch: Row;
  /** (c) each later keystroke, 'ch' … 'charge_card', each after the one before. */
  laterKeystroke: Row;
  /** A page of 100 steps appended (a new array, earlier step objects kept) + the search. */
  appendPage: Row;
  /** Matches for the whole name (the same both ways, checked). */
  matches: number;
}

/** Collects the trial's own garbage (the copies) before a timing, when node runs with --expose-gc. */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

const timing = (samples: number[]): Timing => ({ median: median(samples), p95: percentile(samples, 95) });

/** The naive way: every step serialized and lowercased on every search. */
export const naiveSearch = (steps: readonly RunStep[], query: string): RunStep[] => {
  const needle = query.trim().toLowerCase();
  return steps.filter((step) => JSON.stringify(step).toLowerCase().includes(needle));
};

/** Times `work` once, after collecting garbage. */
function time(work: () => unknown): number {
  collectGarbage();
  const started = performance.now();
  work();
  return performance.now() - started;
}

export function measureSearch(steps: readonly RunStep[], query: string, trials: number): SearchTimings {
  const samples = { firstKey: [] as number[], firstPaste: [] as number[], built: [] as number[], later: [] as number[], append: [] as number[] };
  const naive = { firstKey: [] as number[], whole: [] as number[], later: [] as number[] };
  const prefixes = Array.from(query, (_, i) => query.slice(0, i + 1));
  let matches = -1;
  for (let trial = 0; trial < trials; trial += 1) {
    const fresh = structuredClone(steps) as RunStep[];
    samples.firstKey.push(time(() => createRunSearchIndex(fresh).search(query[0] ?? '')));
    const again = structuredClone(steps) as RunStep[];
    samples.firstPaste.push(time(() => (matches = createRunSearchIndex(again).search(query).length)));

    const index = createRunSearchIndex(fresh);
    index.search('zzz');
    samples.built.push(time(() => index.search(query)));

    const typing = createRunSearchIndex(fresh);
    typing.search(prefixes[0] ?? '');
    for (const typed of prefixes.slice(1)) samples.later.push(time(() => typing.search(typed)));

    createRunSearchIndex(fresh.slice(0, -100));
    samples.append.push(time(() => createRunSearchIndex(fresh).search(query)));

    naive.firstKey.push(time(() => naiveSearch(fresh, query[0] ?? '')));
    let naiveMatches = -1;
    naive.whole.push(time(() => (naiveMatches = naiveSearch(fresh, query).length)));
    if (naiveMatches !== matches) throw new Error(`naive search found ${naiveMatches}, the index ${matches}`);
    for (const typed of prefixes.slice(1)) naive.later.push(time(() => naiveSearch(fresh, typed)));
  }
  const row = (mine: number[], theirs: number[]): Row => ({ runlens: timing(mine), naive: timing(theirs) });
  return {
    firstKey: row(samples.firstKey, naive.firstKey),
    firstPaste: row(samples.firstPaste, naive.whole),
    builtSearch: row(samples.built, naive.whole),
    laterKeystroke: row(samples.later, naive.later),
    appendPage: row(samples.append, naive.whole),
    matches,
  };
}
