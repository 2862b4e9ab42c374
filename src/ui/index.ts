// `runlens/ui`: styled wrappers over the primitives (data-slot + rl-* class) and RunInspector.
// Import `runlens/styles.css` once for the look.
export { cn } from './cn.js';
export { withSlot } from './with-slot.js';
export { RunStatusBadge } from './RunStatusBadge.js';
export { RunListView } from './RunListView.js';
export { RunTimelineView } from './RunTimelineView.js';
export { RunStepListView } from './RunStepListView.js';
export { RunStepView, ToolCallView } from './RunStepView.js';
export { ToolOutputsFormView } from './ToolOutputsFormView.js';
export { UsageView } from './UsageView.js';
export { DeadlineView } from './DeadlineView.js';
export { RunInspector, type AssistantOption, type ModelPrices, type RunInspectorProps, type RunInspectorSelection } from './RunInspector/index.js';
export { OpenRunFile, RunBundleViewer, type OpenRunFileProps, type ReplayClientFactory, type RunBundleViewerProps } from './RunBundleViewer/index.js';
export { StepDetailsView, type StepDetailsViewProps } from './StepDetailsView/index.js';
