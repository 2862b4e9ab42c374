// TanStack Query pieces with no React: keys, option factories, the polling policy, cache writes.
export * from './keys.js';
export * from './options/index.js';
export * from './mutations/index.js';
export * from './polling.js';
export * from './run-state.js';
export * from './errors.js';
export * from './stream/index.js';
export {
  findActiveRunInCache,
  readCachedRun,
  restoreRun,
  writeMessage,
  writeRun,
  writeRunStep,
  writeRunToLists,
} from './cache.js';
export { flattenPages, type PageCursor, type PagesData } from './pages.js';
export { cancelRunAndWait, waitForTerminalRun } from './wait-for-run.js';
