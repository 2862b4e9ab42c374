export { RunStepRoot as Root } from './RunStepRoot';
export { RunStepDetails as Details } from './RunStepDetails';
