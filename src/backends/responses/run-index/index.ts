// The run index of the Responses backend: which runs exist in which conversation, and each run's
// chain of response ids (the Responses API lists no responses).
export type { RunIdPage, RunIndex, RunRecord } from './run-index.js';
export { createMemoryRunIndex, type InitialRun, type MemoryRunIndexOptions } from './memory-run-index.js';
export {
  createLocalStorageRunIndex,
  type LocalStorageRunIndexOptions,
  type RunIndexStorage,
} from './local-storage-run-index.js';
export { createProxyRunIndex, type ProxyRunIndexOptions } from './proxy-run-index.js';
