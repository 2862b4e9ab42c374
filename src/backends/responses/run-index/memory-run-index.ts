import type { RunIndex, RunRecord } from './run-index.js';
import { createRunIndexState, type RunIndexState } from './run-index-state.js';

/**
 * A `RunIndex` over the state `current()` returns (asked afresh for every call, so a persisted
 * index can reload it first). Each call runs on a later microtask, so a bad argument rejects
 * rather than throws. `changed` runs after every call that changed the state.
 */
export function runIndexOver(current: () => RunIndexState, changed: (state: RunIndexState) => void = () => {}): RunIndex {
  const read = <T>(operation: (state: RunIndexState) => T): Promise<T> =>
    Promise.resolve().then(() => operation(current()));
  const write = (operation: (state: RunIndexState) => boolean): Promise<boolean> =>
    read((state) => {
      const didChange = operation(state);
      if (didChange) changed(state);
      return didChange;
    });
  return {
    recordRun: async (record) => void (await write((state) => state.recordRun(record))),
    appendResponse: async (runId, responseId) => void (await write((state) => state.appendResponse(runId, responseId))),
    getChain: (runId) => read((state) => state.getChain(runId)),
    findRunByResponse: (responseId) => read((state) => state.findRunByResponse(responseId)),
    listRuns: (conversationId, params) => read((state) => state.listRuns(conversationId, params)),
    forgetRun: (runId) => write((state) => state.forgetRun(runId)),
  };
}

/** A run to start an index with: its record and, optionally, its whole chain (the run id first). */
export interface InitialRun extends RunRecord {
  responseIds?: readonly string[];
}

export interface MemoryRunIndexOptions {
  /**
   * Runs the index starts with, checked as `recordRun` and `appendResponse` check them (a bad one
   * throws here, naming what to fix), e.g. the emulator's seeded demo: `{ runs: emulator.demoRuns }`.
   */
  runs?: readonly InitialRun[];
}

/** A `RunIndex` in memory, gone on reload: for tests, server-side code and as the storage fallback. */
export function createMemoryRunIndex(options: MemoryRunIndexOptions = {}): RunIndex {
  const state = createRunIndexState();
  for (const run of options.runs ?? []) {
    const [first, ...later] = run.responseIds ?? [run.runId];
    if (first !== run.runId) {
      throw new TypeError(`createMemoryRunIndex: run '${run.runId}' has responseIds starting with '${String(first)}'; a chain starts with its run id.`);
    }
    state.recordRun(run);
    for (const responseId of later) state.appendResponse(run.runId, responseId);
  }
  return runIndexOver(() => state);
}
