// TanStack Query pieces with no React: keys, option factories, the polling policy, cache writes.
export * from './keys';
export * from './options';
export * from './mutations';
export * from './polling';
export * from './run-state';
export * from './errors';
export * from './stream';
export {
  findActiveRunInCache,
  readCachedRun,
  restoreRun,
  writeMessage,
  writeRun,
  writeRunStep,
  writeRunToLists,
} from './cache';
export { flattenPages, type PageCursor, type PagesData } from './pages';
export { cancelRunAndWait, waitForTerminalRun } from './wait-for-run';
