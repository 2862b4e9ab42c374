export * as RunStepList from './parts';
export type { RunStepListRootProps } from './RunStepListRoot';
export type { RunStepListItemsProps } from './RunStepListItems';
