export { StepDetailsView, type StepDetailsViewProps } from './StepDetailsView.js';
export { findTextRanges } from './findTextRanges.js';
