// The one `include[]` value of the run-step calls, apart from the schemas, so the zod-free
// pre-request checks can name it.

/** File search results with their text. */
export const RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT = 'step_details.tool_calls[*].file_search.results[*].content';
export type RunStepInclude = typeof RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT;
