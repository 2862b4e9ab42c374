export * as RunStepList from './parts.js';
export type { RunStepListRootProps } from './RunStepListRoot.js';
export type { RunStepListItemsProps } from './RunStepListItems.js';
