export { RunStepListRoot as Root } from './RunStepListRoot';
export { RunStepListItems as Items } from './RunStepListItems';
