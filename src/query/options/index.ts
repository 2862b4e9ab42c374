// Query option factories, one operation per file. Usable outside React: route loaders
// (`ensureQueryData`, `prefetchInfiniteQuery`), QueryObservers, tests.
export * from './run.js';
export * from './runs.js';
export * from './run-steps.js';
export * from './run-step.js';
export * from './message.js';
export type { RunlensQueryConfig } from './shared.js';
