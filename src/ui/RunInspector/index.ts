export { RunInspector } from './RunInspector';
export type { AssistantOption, ModelPrices, RunInspectorProps } from './types';
