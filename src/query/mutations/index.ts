// Mutation option factories, one operation per file. Each writes its answer through cache.ts.
export * from './create-run.js';
export * from './update-run.js';
export * from './submit-tool-outputs.js';
export * from './cancel-run.js';
export type { MutationStreamConfig, RunlensMutationOptions } from './shared.js';
