// Mutation option factories, one operation per file. Each writes its answer through cache.ts.
export * from './create-run';
export * from './update-run';
export * from './submit-tool-outputs';
export * from './cancel-run';
export type { MutationStreamConfig, RunlensMutationOptions } from './shared';
