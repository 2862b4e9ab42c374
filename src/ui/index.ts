// `runlens/ui`: styled wrappers over the primitives (data-slot + rl-* class) and RunInspector.
// Import `runlens/styles.css` once for the look.
export { cn } from './cn';
export { withSlot } from './with-slot';
export { RunStatusBadge } from './RunStatusBadge';
export { RunListView } from './RunListView';
export { RunTimelineView } from './RunTimelineView';
export { RunStepListView } from './RunStepListView';
export { RunStepView, ToolCallView } from './RunStepView';
export { ToolOutputsFormView } from './ToolOutputsFormView';
export { UsageView } from './UsageView';
export { DeadlineView } from './DeadlineView';
export { RunInspector, type AssistantOption, type ModelPrices, type RunInspectorProps } from './RunInspector';
