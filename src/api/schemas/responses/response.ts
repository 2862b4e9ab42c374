import * as z from 'zod/mini';
import { integer, metadataSchema, nullable, openEnum, unixSeconds } from '../common.js';
import { outputItemSchema } from './output-items.js';

// The Response object (spec: `Response`, `ResponseError`, `ResponseUsage`). In the Responses
// backend a run is a chain of these, joined by `previous_response_id`.

/**
 * Open, as the Responses API may add statuses. There is no `requires_action`: a function-calling
 * turn is a `completed` response with `function_call` items in its output.
 */
export const responseStatusSchema = openEnum<'queued' | 'in_progress' | 'completed' | 'failed' | 'cancelled' | 'incomplete'>();
export type ResponseStatus = z.infer<typeof responseStatusSchema>;

/** Why a response failed; null unless it did. */
export const responseErrorSchema = z.looseObject({
  code: openEnum<'server_error' | 'rate_limit_exceeded' | 'invalid_prompt' | 'vector_store_timeout' | 'invalid_image'>(),
  message: z.string(),
});
export type ResponseError = z.infer<typeof responseErrorSchema>;

export const responseIncompleteDetailsSchema = z.looseObject({
  reason: z.optional(openEnum<'max_output_tokens' | 'content_filter'>()),
});
export type ResponseIncompleteDetails = z.infer<typeof responseIncompleteDetailsSchema>;

export const responseUsageSchema = z.looseObject({
  input_tokens: integer,
  output_tokens: integer,
  total_tokens: integer,
  // Required by the spec; some of its own examples leave them out.
  input_tokens_details: z.optional(z.looseObject({ cached_tokens: z.optional(integer) })),
  output_tokens_details: z.optional(z.looseObject({ reasoning_tokens: z.optional(integer) })),
});
export type ResponseUsage = z.infer<typeof responseUsageSchema>;

export const responseSchema = z.looseObject({
  id: z.string(),
  object: z.literal('response'),
  created_at: unixSeconds,
  status: responseStatusSchema,
  /** Only background responses can be polled for minutes and cancelled. */
  background: nullable(z.boolean()),
  /** Set only once `completed`. */
  completed_at: nullable(unixSeconds),
  error: nullable(responseErrorSchema),
  incomplete_details: nullable(responseIncompleteDetailsSchema),
  output: z.array(outputItemSchema),
  /** The response this one continues: in the Responses backend, the previous round of a run. */
  previous_response_id: nullable(z.string()),
  /** The conversation the response's input and output items were added to. */
  conversation: nullable(z.looseObject({ id: z.string() })),
  /** Null until the response is terminal. */
  usage: nullable(responseUsageSchema),
  metadata: nullable(metadataSchema),
  model: z.string(),
  instructions: nullable(z.union([z.string(), z.array(z.looseObject({}))])),
  max_output_tokens: nullable(integer),
  temperature: nullable(z.number()),
  top_p: nullable(z.number()),
  parallel_tool_calls: z.optional(z.boolean()),
  tools: z.optional(z.array(z.looseObject({ type: z.string() }))),
  store: z.optional(z.boolean()),
});
/** Named so, not `Response`, to leave the Fetch API's `Response` its name. */
export type ResponseObject = z.infer<typeof responseSchema>;
