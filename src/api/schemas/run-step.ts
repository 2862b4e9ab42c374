import * as z from 'zod/mini';
import { listPageSchema, metadataSchema, nullable, openEnum, openUnion, unixSeconds, usageSchema } from './common.js';
import { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT } from './run-step-include.js';
import { fileSearchRankingOptionsSchema } from './tools.js';

export { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT, type RunStepInclude } from './run-step-include.js';
export const runStepIncludeSchema = z.literal(RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT);

// ─── Tool calls a step made ─────────────────────────────────────────────────────────────────────

export const functionToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string(),
    arguments: z.string(),
    /** Null until the outputs are submitted. */
    output: nullable(z.string()),
  }),
});
export type FunctionToolCall = z.infer<typeof functionToolCallSchema>;

export const codeInterpreterOutputSchema = openUnion([
  z.looseObject({ type: z.literal('logs'), logs: z.string() }),
  z.looseObject({ type: z.literal('image'), image: z.looseObject({ file_id: z.string() }) }),
]);
export type CodeInterpreterOutput = z.infer<typeof codeInterpreterOutputSchema>;

export const codeInterpreterToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('code_interpreter'),
  code_interpreter: z.looseObject({
    input: z.string(),
    outputs: z.array(codeInterpreterOutputSchema),
  }),
});
export type CodeInterpreterToolCall = z.infer<typeof codeInterpreterToolCallSchema>;

export const fileSearchResultSchema = z.looseObject({
  file_id: z.string(),
  file_name: z.string(),
  score: z.number(),
  /** Only with `include: ['step_details.tool_calls[*].file_search.results[*].content']`. */
  content: z.optional(z.array(z.looseObject({ type: z.optional(openEnum<'text'>()), text: z.optional(z.string()) }))),
});
export type FileSearchResult = z.infer<typeof fileSearchResultSchema>;

export const fileSearchToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('file_search'),
  file_search: z.looseObject({
    ranking_options: z.optional(fileSearchRankingOptionsSchema),
    results: z.optional(z.array(fileSearchResultSchema)),
  }),
});
export type FileSearchToolCall = z.infer<typeof fileSearchToolCallSchema>;

/** A tool type added later parses as `{ type: 'unknown', original_type, id, ... }`. */
export const toolCallSchema = openUnion(
  [functionToolCallSchema, codeInterpreterToolCallSchema, fileSearchToolCallSchema],
  { id: z.string() },
);
export type ToolCall = z.infer<typeof toolCallSchema>;
/** A tool call of a kind added after this package: render it generically from `original_type`. */
export type UnknownToolCall = Extract<ToolCall, { type: 'unknown' }>;

// ─── Step details ───────────────────────────────────────────────────────────────────────────────

export const messageCreationStepDetailsSchema = z.looseObject({
  type: z.literal('message_creation'),
  message_creation: z.looseObject({ message_id: z.string() }),
});
export type MessageCreationStepDetails = z.infer<typeof messageCreationStepDetailsSchema>;

export const toolCallsStepDetailsSchema = z.looseObject({
  type: z.literal('tool_calls'),
  tool_calls: z.array(toolCallSchema),
});
export type ToolCallsStepDetails = z.infer<typeof toolCallsStepDetailsSchema>;

/** A step type added later parses as `{ type: 'unknown', original_type, ... }`. */
export const stepDetailsSchema = openUnion([messageCreationStepDetailsSchema, toolCallsStepDetailsSchema]);
export type StepDetails = z.infer<typeof stepDetailsSchema>;

/** Closed, like the run's: the timeline decides by it what is still moving. */
export const runStepStatusSchema = z.literal(['in_progress', 'cancelled', 'failed', 'completed', 'expired']);
export type RunStepStatus = z.infer<typeof runStepStatusSchema>;

export const runStepLastErrorSchema = z.looseObject({
  code: openEnum<'server_error' | 'rate_limit_exceeded'>(),
  message: z.string(),
});

export const runStepSchema = z.looseObject({
  id: z.string(),
  object: z.literal('thread.run.step'),
  created_at: unixSeconds,
  assistant_id: z.string(),
  thread_id: z.string(),
  run_id: z.string(),
  /** Mirrors `step_details.type`; open so a new step kind does not reject the page. */
  type: openEnum<'message_creation' | 'tool_calls'>(),
  status: runStepStatusSchema,
  step_details: stepDetailsSchema,
  last_error: nullable(runStepLastErrorSchema),
  expired_at: nullable(unixSeconds),
  cancelled_at: nullable(unixSeconds),
  failed_at: nullable(unixSeconds),
  completed_at: nullable(unixSeconds),
  metadata: nullable(metadataSchema),
  /** Null while the step is in progress. */
  usage: nullable(usageSchema),
});
export type RunStep = z.infer<typeof runStepSchema>;

export const runStepListSchema = listPageSchema(runStepSchema);
