export { ToolOutputsFormRoot as Root } from './ToolOutputsFormRoot';
export { ToolOutputsFormCalls as Calls } from './ToolOutputsFormCalls';
export { ToolOutputsFormCall as Call } from './ToolOutputsFormCall';
export { ToolOutputsFormSubmit as Submit } from './ToolOutputsFormSubmit';
