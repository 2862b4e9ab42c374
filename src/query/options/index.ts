// Query option factories, one operation per file. Usable outside React: route loaders
// (`ensureQueryData`, `prefetchInfiniteQuery`), QueryObservers, tests.
export * from './run';
export * from './runs';
export * from './run-steps';
export * from './run-step';
export * from './message';
export type { RunlensQueryConfig } from './shared';
