// The Responses stream's event names (the `type` of each event), apart from the schemas: a stream
// reader dispatches on them, and importing them must not pull zod into a bundle.

/** Events that carry the whole Response. There is no `response.cancelled` event. */
export const RESPONSE_LIFECYCLE_EVENT_TYPES = [
  'response.created',
  'response.queued',
  'response.in_progress',
  'response.completed',
  'response.failed',
  'response.incomplete',
] as const;

export const OUTPUT_ITEM_EVENT_TYPES = ['response.output_item.added', 'response.output_item.done'] as const;

export const CONTENT_PART_EVENT_TYPES = ['response.content_part.added', 'response.content_part.done'] as const;

export const REASONING_SUMMARY_PART_EVENT_TYPES = [
  'response.reasoning_summary_part.added',
  'response.reasoning_summary_part.done',
] as const;

/** A hosted tool call's progress: they carry only the item's id and position. */
export const TOOL_CALL_PROGRESS_EVENT_TYPES = [
  'response.file_search_call.in_progress',
  'response.file_search_call.searching',
  'response.file_search_call.completed',
  'response.web_search_call.in_progress',
  'response.web_search_call.searching',
  'response.web_search_call.completed',
  'response.code_interpreter_call.in_progress',
  'response.code_interpreter_call.interpreting',
  'response.code_interpreter_call.completed',
  'response.image_generation_call.in_progress',
  'response.image_generation_call.generating',
  'response.image_generation_call.completed',
  'response.mcp_call.in_progress',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
] as const;
