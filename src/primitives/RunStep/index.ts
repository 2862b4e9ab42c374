export * as RunStep from './parts.js';
export type { RunStepRootProps } from './RunStepRoot.js';
export type { RunStepDetailsProps } from './RunStepDetails.js';
