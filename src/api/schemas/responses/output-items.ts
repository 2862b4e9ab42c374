import * as z from 'zod/mini';
import { nullable, openEnum, openUnion } from '../common.js';
import { responseMessageContentSchema } from './message-content.js';

// The items of a response's `output`, of a conversation and of a response's input: one shape per
// `type`, the spec's `OutputItem` / `ConversationItem` / `ItemResource`. In the Responses backend
// they are a run's steps. Statuses are open: an item's status only labels it; the response's
// status says whether the run moves.

const itemStatus = openEnum<'in_progress' | 'completed' | 'incomplete'>();

/** A message: the model's (`role: 'assistant'`) in `output`, anyone's in conversation lists. */
export const messageItemSchema = z.looseObject({
  type: z.literal('message'),
  id: z.string(),
  role: openEnum<'assistant' | 'user' | 'system' | 'developer'>(),
  content: z.array(responseMessageContentSchema),
  // Input messages in item lists may come without one.
  status: z.optional(itemStatus),
});
export type MessageItem = z.infer<typeof messageItemSchema>;

/** The model asks the app to run a function; the app answers with a `function_call_output`. */
export const functionCallItemSchema = z.looseObject({
  type: z.literal('function_call'),
  id: z.string(),
  /** What the answering `function_call_output` quotes. */
  call_id: z.string(),
  name: z.string(),
  /** JSON text as the model wrote it; it may not parse. */
  arguments: z.string(),
  status: z.optional(itemStatus),
});
export type FunctionCallItem = z.infer<typeof functionCallItemSchema>;

export const functionCallOutputItemSchema = z.looseObject({
  type: z.literal('function_call_output'),
  id: z.string(),
  call_id: z.string(),
  /** Text, or a list of content parts (`input_text`, `input_image`, `input_file`). */
  output: z.union([z.string(), z.array(z.looseObject({ type: z.string() }))]),
  status: z.optional(itemStatus),
});
export type FunctionCallOutputItem = z.infer<typeof functionCallOutputItemSchema>;

export const reasoningItemSchema = z.looseObject({
  type: z.literal('reasoning'),
  id: z.string(),
  /** What the model lets the app show of its reasoning; often empty. */
  summary: z.array(openUnion([z.looseObject({ type: z.literal('summary_text'), text: z.string() })])),
  content: z.optional(z.array(openUnion([z.looseObject({ type: z.literal('reasoning_text'), text: z.string() })]))),
  encrypted_content: z.nullish(z.string()),
  status: z.optional(itemStatus),
});
export type ReasoningItem = z.infer<typeof reasoningItemSchema>;

export const fileSearchResultItemSchema = z.looseObject({
  file_id: z.optional(z.string()),
  filename: z.optional(z.string()),
  /** Relevance, 0–1. */
  score: z.optional(z.number()),
  text: z.optional(z.string()),
  attributes: z.nullish(z.looseObject({})),
});

export const fileSearchCallItemSchema = z.looseObject({
  type: z.literal('file_search_call'),
  id: z.string(),
  status: openEnum<'in_progress' | 'searching' | 'completed' | 'incomplete' | 'failed'>(),
  queries: z.array(z.string()),
  /** Only with `include: ['file_search_call.results']`. */
  results: nullable(z.array(fileSearchResultItemSchema)),
});
export type FileSearchCallItem = z.infer<typeof fileSearchCallItemSchema>;

export const codeInterpreterOutputItemSchema = openUnion([
  z.looseObject({ type: z.literal('logs'), logs: z.string() }),
  z.looseObject({ type: z.literal('image'), url: z.string() }),
]);

export const codeInterpreterCallItemSchema = z.looseObject({
  type: z.literal('code_interpreter_call'),
  id: z.string(),
  status: openEnum<'in_progress' | 'interpreting' | 'completed' | 'incomplete' | 'failed'>(),
  container_id: z.string(),
  code: nullable(z.string()),
  /** Only with `include: ['code_interpreter_call.outputs']`. */
  outputs: nullable(z.array(codeInterpreterOutputItemSchema)),
});
export type CodeInterpreterCallItem = z.infer<typeof codeInterpreterCallItemSchema>;

export const webSearchActionSchema = openUnion([
  z.looseObject({
    type: z.literal('search'),
    query: z.optional(z.string()),
    queries: z.optional(z.array(z.string())),
    sources: z.optional(z.array(z.looseObject({ type: z.string(), url: z.string() }))),
  }),
  z.looseObject({ type: z.literal('open_page'), url: z.nullish(z.string()) }),
  z.looseObject({ type: z.literal('find'), url: z.string(), pattern: z.string() }),
]);

export const webSearchCallItemSchema = z.looseObject({
  type: z.literal('web_search_call'),
  id: z.string(),
  status: openEnum<'in_progress' | 'searching' | 'completed' | 'failed'>(),
  // Required by the spec; its own example leaves it out.
  action: z.optional(webSearchActionSchema),
});
export type WebSearchCallItem = z.infer<typeof webSearchCallItemSchema>;

export const imageGenerationCallItemSchema = z.looseObject({
  type: z.literal('image_generation_call'),
  id: z.string(),
  status: openEnum<'in_progress' | 'generating' | 'completed' | 'failed'>(),
  /** The image, base64-encoded; null until generated. */
  result: nullable(z.string()),
});
export type ImageGenerationCallItem = z.infer<typeof imageGenerationCallItemSchema>;

export const mcpCallItemSchema = z.looseObject({
  type: z.literal('mcp_call'),
  id: z.string(),
  server_label: z.string(),
  name: z.string(),
  arguments: z.string(),
  output: nullable(z.string()),
  /** A protocol, execution or HTTP error object (older servers sent a string). */
  error: nullable(z.union([z.string(), z.looseObject({})])),
  status: z.optional(openEnum<'in_progress' | 'calling' | 'completed' | 'incomplete' | 'failed'>()),
  approval_request_id: z.nullish(z.string()),
});
export type McpCallItem = z.infer<typeof mcpCallItemSchema>;

/** The model waits for the app to approve an MCP call (answered with an `mcp_approval_response`). */
export const mcpApprovalRequestItemSchema = z.looseObject({
  type: z.literal('mcp_approval_request'),
  id: z.string(),
  server_label: z.string(),
  name: z.string(),
  arguments: z.string(),
});
export type McpApprovalRequestItem = z.infer<typeof mcpApprovalRequestItemSchema>;

/**
 * One item of a response's output or of a conversation. A type added later (or one runlens does
 * not model: `computer_call`, `local_shell_call`, …) parses as `{ type: 'unknown', original_type,
 * ... }`, its fields kept.
 */
export const outputItemSchema = openUnion(
  [
    messageItemSchema,
    functionCallItemSchema,
    functionCallOutputItemSchema,
    reasoningItemSchema,
    fileSearchCallItemSchema,
    codeInterpreterCallItemSchema,
    webSearchCallItemSchema,
    imageGenerationCallItemSchema,
    mcpCallItemSchema,
    mcpApprovalRequestItemSchema,
  ],
  { id: z.optional(z.string()) },
);
export type OutputItem = z.infer<typeof outputItemSchema>;
/** An item of a kind added after this package: render it generically from `original_type`. */
export type UnknownOutputItem = Extract<OutputItem, { type: 'unknown' }>;
