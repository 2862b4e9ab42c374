export { RunStepRoot as Root } from './RunStepRoot.js';
export { RunStepDetails as Details } from './RunStepDetails.js';
