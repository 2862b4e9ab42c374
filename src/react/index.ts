// React bindings: a provider and one thin hook per file over src/query.
export { RunsProvider, RunsContext, type RunsProviderProps, type RunsContextValue } from './RunsProvider';
export { useRunsClient, useRunsContext } from './useRunsClient';
export * from './useRun';
export * from './useRuns';
export * from './useRunSteps';
export * from './useRunStep';
export * from './useMessage';
export * from './useCreateRun';
export * from './useCreateThreadRun';
export * from './useUpdateRun';
export * from './useSubmitToolOutputs';
export * from './useCancelRun';
export * from './useRunStreamStatus';
