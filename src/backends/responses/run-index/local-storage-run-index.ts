import { runIndexOver } from './memory-run-index.js';
import type { RunIndex } from './run-index.js';
import { decodeSnapshot, encodeSnapshot } from './run-index-snapshot.js';
import { createRunIndexState, type RunIndexState } from './run-index-state.js';

/**
 * The part of the Web Storage API the index uses: `localStorage`, `sessionStorage` or your own.
 * Spelled out rather than `Pick<Storage, …>`, so the types need no DOM lib.
 */
export interface RunIndexStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LocalStorageRunIndexOptions {
  /**
   * Where the index is kept. `null`, or no `localStorage` at all (server rendering, a sandboxed
   * frame that refuses access), keeps it in memory for this page's life instead.
   * @default globalThis.localStorage
   */
  storage?: RunIndexStorage | null;
  /** @default 'runlens.runIndex' */
  key?: string;
  /**
   * Told of every storage problem the index worked around: a read or write that threw (a full
   * storage's `QuotaExceededError`, a `SecurityError`), or a value under `key` it could not read.
   * The index keeps working in memory meanwhile; without this option the problems are silent.
   */
  onError?: (error: unknown) => void;
}

function defaultStorage(report: (error: unknown) => void): RunIndexStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch (error) {
    // Some browsers throw on merely reading `localStorage` when storage is blocked.
    report(error);
    return null;
  }
}

/**
 * A `RunIndex` kept in Web Storage as versioned JSON under `key`, so the runs an app created are
 * still listed after a reload, and tabs over the same storage see each other's runs (the stored
 * value is read again whenever it changed).
 *
 * It never throws for storage's sake and never drops data silently:
 * - a value under `key` that is corrupt or not this index's (another format or version) is moved
 *   to `${key}.corrupt`, reported through `onError`, and the index starts empty; if even that copy
 *   cannot be written, the index stays in memory and leaves the value under `key` untouched;
 * - a write that fails (storage full: `QuotaExceededError`) is reported, the index keeps the change
 *   in memory and tries to save again at its next change;
 * - no storage (server rendering) means an index in memory.
 *
 * @example
 * const runIndex = createLocalStorageRunIndex({ onError: (error) => console.warn('run index:', error) });
 */
export function createLocalStorageRunIndex(options: LocalStorageRunIndexOptions = {}): RunIndex {
  const key = options.key ?? 'runlens.runIndex';
  const report = options.onError ?? (() => {});
  let storage = options.storage === undefined ? defaultStorage(report) : options.storage;

  let state = createRunIndexState();
  // The stored text `state` was read from or last saved as; `undefined` before the first read.
  let storedRaw: string | null | undefined;
  // Memory holds changes storage lacks (a write failed): memory wins until a save succeeds.
  let unsaved = false;
  // Storage holds an unreadable value that could not be copied aside: it must not be overwritten.
  let keepStoredValue = false;

  function preserveCorrupt(raw: string): void {
    const corruptKey = `${key}.corrupt`;
    try {
      storage?.setItem(corruptKey, raw);
      report(new Error(`The run index under '${key}' could not be read; it was moved to '${corruptKey}', and the index starts empty.`));
    } catch (error) {
      keepStoredValue = true;
      const message = `The run index under '${key}' could not be read, nor copied to '${corruptKey}'; it is left in place and the index is kept in memory.`;
      report(new Error(message, { cause: error }));
    }
  }

  function current(): RunIndexState {
    if (!storage || unsaved || keepStoredValue) return state;
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch (error) {
      // A storage that refuses reads (blocked by the browser) will not start answering: use memory.
      storage = null;
      report(error);
      return state;
    }
    if (raw === storedRaw) return state;
    storedRaw = raw;
    const runs = raw === null ? [] : decodeSnapshot(raw);
    state = createRunIndexState(runs);
    if (runs === undefined) {
      preserveCorrupt(raw as string);
      save(state); // an empty index in its place, so the next reader does not find the bad value again
    }
    return state;
  }

  function save(changed: RunIndexState): void {
    if (!storage || keepStoredValue) return;
    const raw = encodeSnapshot(changed.snapshot());
    try {
      storage.setItem(key, raw);
      storedRaw = raw;
      unsaved = false;
    } catch (error) {
      unsaved = true;
      report(error);
    }
  }

  current(); // read now, so a corrupt value is reported when the index is made, not at first use
  return runIndexOver(current, save);
}
