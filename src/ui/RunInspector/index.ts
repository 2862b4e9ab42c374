export { RunInspector } from './RunInspector.js';
export type { AssistantOption, ModelPrices, RunInspectorProps } from './types.js';
