// runlens/primitives: headless, props-driven compound components (see README.md).
export * from './RunStatus/index.js';
export * from './RunList/index.js';
export * from './RunTimeline/index.js';
export * from './RunStepList/index.js';
export * from './RunStep/index.js';
export * from './ToolCall/index.js';
export * from './ToolOutputsForm/index.js';
export * from './Usage/index.js';
export * from './Deadline/index.js';
export * from './RunBundle/index.js';
export * from './RunSearch/index.js';
