export { RunStepListRoot as Root } from './RunStepListRoot.js';
export { RunStepListItems as Items } from './RunStepListItems.js';
