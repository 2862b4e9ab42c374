import type { Metadata } from '../types.js';

// The Responses API's objects, typed as far as the emulator reads or writes them. Items are open
// records: input items keep whatever fields the client sent (validated by type only).

export type ResponseStatus = 'queued' | 'in_progress' | 'completed' | 'failed' | 'cancelled' | 'incomplete';
export type TerminalResponseStatus = 'completed' | 'failed' | 'cancelled' | 'incomplete';

export const isTerminalResponse = (status: ResponseStatus): status is TerminalResponseStatus =>
  status === 'completed' || status === 'failed' || status === 'cancelled' || status === 'incomplete';

/** Any stored item (input or output): `id` and `type`, plus its own fields. */
export type Item = { id: string; type: string; status?: string } & Record<string, unknown>;

export type OutputText = {
  type: 'output_text';
  text: string;
  annotations: unknown[];
  logprobs: unknown[];
};

export interface MessageItem extends Item {
  type: 'message';
  role: string;
  content: ({ type: string; text?: string } & Record<string, unknown>)[];
}

export interface FunctionCallItem extends Item {
  type: 'function_call';
  call_id: string;
  name: string;
  arguments: string;
}

export interface FunctionCallOutputItem extends Item {
  type: 'function_call_output';
  call_id: string;
  output: unknown;
}

export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number; cache_write_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export interface ResponseObject {
  id: string;
  object: 'response';
  created_at: number;
  status: ResponseStatus;
  background: boolean;
  completed_at: number | null;
  conversation: { id: string } | null;
  error: { code: string; message: string } | null;
  incomplete_details: { reason: 'max_output_tokens' | 'content_filter' } | null;
  instructions: string | null;
  max_output_tokens: number | null;
  model: string;
  output: Item[];
  parallel_tool_calls: boolean;
  previous_response_id: string | null;
  reasoning: { effort: string | null; summary: string | null };
  service_tier: string;
  store: boolean;
  temperature: number;
  text: { format: { type: string } & Record<string, unknown> };
  tool_choice: unknown;
  tools: ({ type: string } & Record<string, unknown>)[];
  top_p: number;
  truncation: 'auto' | 'disabled';
  /** Absent until the response is terminal (the spec's `usage` is not nullable). */
  usage?: ResponseUsage;
  metadata: Metadata;
}

/** One event as the stream sends it: `type`, its fields, and the response's `sequence_number`. */
export type ResponseEvent = { type: string; sequence_number: number } & Record<string, unknown>;

export interface ConversationObject {
  id: string;
  object: 'conversation';
  created_at: number;
  metadata: Metadata;
}
