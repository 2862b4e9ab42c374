import type { RunIndex } from './run-index.js';
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

/** A `RunIndex` in memory, gone on reload: for tests, server-side code and as the storage fallback. */
export function createMemoryRunIndex(): RunIndex {
  const state = createRunIndexState();
  return runIndexOver(() => state);
}
