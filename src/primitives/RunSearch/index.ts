export { createRunSearchIndex } from './createRunSearchIndex.js';
export { stepSearchText } from './stepSearchText.js';
export { stepToolNames } from './stepToolNames.js';
export { findMatchRanges } from './findMatchRanges.js';
export type { RunSearchIndex, StepMatch, StepSearchField, StepSearchFilters } from './types.js';
export { useRunSearchIndex } from './useRunSearchIndex.js';
