export { RunInspector } from './RunInspector.js';
export type { AssistantOption, ModelPrices, RunInspectorProps, RunInspectorSelection } from './types.js';
