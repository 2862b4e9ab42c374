// React bindings: a provider and one thin hook per file over src/query.
export { RunsProvider, RunsContext, type RunsProviderProps, type RunsContextValue } from './RunsProvider.js';
export { useRunsClient, useRunsContext } from './useRunsClient.js';
export * from './useRun.js';
export * from './useRuns.js';
export * from './useRunSteps.js';
export * from './useRunStep.js';
export * from './useMessage.js';
export * from './useCreateRun.js';
export * from './useCreateThreadRun.js';
export * from './useUpdateRun.js';
export * from './useSubmitToolOutputs.js';
export * from './useCancelRun.js';
export * from './useRunStreamStatus.js';
export * from './useRunsCapabilities.js';
