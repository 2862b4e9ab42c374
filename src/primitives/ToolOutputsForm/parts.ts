export { ToolOutputsFormRoot as Root } from './ToolOutputsFormRoot.js';
export { ToolOutputsFormCalls as Calls } from './ToolOutputsFormCalls.js';
export { ToolOutputsFormCall as Call } from './ToolOutputsFormCall.js';
export { ToolOutputsFormSubmit as Submit } from './ToolOutputsFormSubmit.js';
