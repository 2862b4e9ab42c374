export * as RunStep from './parts';
export type { RunStepRootProps } from './RunStepRoot';
export type { RunStepDetailsProps } from './RunStepDetails';
