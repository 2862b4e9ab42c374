// runlens/primitives: headless, props-driven compound components (see README.md).
export * from './RunStatus';
export * from './RunList';
export * from './RunTimeline';
export * from './RunStepList';
export * from './RunStep';
export * from './ToolCall';
export * from './ToolOutputsForm';
export * from './Usage';
export * from './Deadline';
