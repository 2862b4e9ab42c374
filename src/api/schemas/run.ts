import * as z from 'zod/mini';
import { integer, listPageSchema, metadataSchema, nullable, openEnum, openUnion, unixSeconds, usageSchema } from './common.js';
import { RUN_STATUSES } from './run-status.js';
import { assistantToolSchema, responseFormatSchema, toolChoiceSchema, truncationStrategySchema } from './tools.js';

export {
  isTerminalRunStatus,
  TERMINAL_RUN_STATUSES,
  type RunStatus,
  type TerminalRunStatus,
} from './run-status.js';

/** Closed: see `RUN_STATUSES`. */
export const runStatusSchema = z.literal(RUN_STATUSES);

export const functionRunToolCallSchema = z.looseObject({
  id: z.string(),
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string(),
    /** JSON text as the model wrote it; it may not parse. */
    arguments: z.string(),
  }),
});

/** A call waiting for its output. A call type added later still carries its `id`. */
export const runToolCallSchema = openUnion([functionRunToolCallSchema], { id: z.string() });
export type RunToolCall = z.infer<typeof runToolCallSchema>;

/** Closed on `type`: it says which endpoint continues the run. */
export const requiredActionSchema = z.looseObject({
  type: z.literal('submit_tool_outputs'),
  submit_tool_outputs: z.looseObject({ tool_calls: z.array(runToolCallSchema) }),
});
export type RequiredAction = z.infer<typeof requiredActionSchema>;

export const runLastErrorSchema = z.looseObject({
  code: openEnum<'server_error' | 'rate_limit_exceeded' | 'invalid_prompt'>(),
  message: z.string(),
});
export type RunLastError = z.infer<typeof runLastErrorSchema>;

export const runIncompleteDetailsSchema = z.looseObject({
  reason: z.optional(openEnum<'max_completion_tokens' | 'max_prompt_tokens'>()),
});

export const runSchema = z.looseObject({
  id: z.string(),
  object: z.literal('thread.run'),
  created_at: unixSeconds,
  thread_id: z.string(),
  assistant_id: z.string(),
  status: runStatusSchema,
  required_action: nullable(requiredActionSchema),
  last_error: nullable(runLastErrorSchema),
  expires_at: nullable(unixSeconds),
  started_at: nullable(unixSeconds),
  cancelled_at: nullable(unixSeconds),
  failed_at: nullable(unixSeconds),
  completed_at: nullable(unixSeconds),
  incomplete_details: nullable(runIncompleteDetailsSchema),
  model: z.string(),
  // The spec says string; its examples and the real API send null when the assistant has none.
  instructions: nullable(z.string()),
  tools: z.array(assistantToolSchema),
  metadata: nullable(metadataSchema),
  /** Null until the run is terminal. */
  usage: nullable(usageSchema),
  temperature: nullable(z.number()),
  top_p: nullable(z.number()),
  max_prompt_tokens: nullable(integer),
  max_completion_tokens: nullable(integer),
  truncation_strategy: nullable(truncationStrategySchema),
  tool_choice: nullable(toolChoiceSchema),
  parallel_tool_calls: z.boolean(),
  response_format: nullable(responseFormatSchema),
});
export type Run = z.infer<typeof runSchema>;

export const runListSchema = listPageSchema(runSchema);
