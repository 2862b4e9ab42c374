import { badRequest, EmulatorError } from '../errors.js';
import { toSeconds } from '../timeline.js';
import type { Metadata } from '../types.js';
import { array, boolean, invalidValue, isRecord, metadata, missing, nullable, number, object, optional, string, type Json } from '../validate.js';
import { inputItems, isFunctionCall, isFunctionCallOutput } from './items.js';
import { advanceResponse } from './lifecycle.js';
import { ResponseMutator } from './mutator.js';
import { planResponse } from './scenarios.js';
import { resolveResponseSettings } from './settings.js';
import type { ConversationRecord, ResponseRecord, ResponsesState } from './state.js';
import { isTerminalResponse, type Item, type ResponseObject } from './types.js';

export interface CreateResponseParams {
  model: string;
  input: Item[];
  instructions: string | null;
  metadata: Metadata;
  background: boolean;
  store: boolean;
  stream: boolean;
  previousResponseId?: string;
  conversationId?: string;
  tools: ResponseObject['tools'];
  toolChoice: unknown;
  parallelToolCalls: boolean;
  temperature: number;
  topP: number;
  maxOutputTokens: number | null;
  text?: ResponseObject['text'];
}

function conversationId(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  const ref = object(value, 'conversation');
  return string()(ref.id, 'conversation.id');
}

const textFormats = ['text', 'json_schema', 'json_object'] as const;

/** `text`, kept as sent when it has a `format`; a json_schema format needs its name and schema. */
function textParam(body: Json): ResponseObject['text'] | undefined {
  const text = optional(body, 'text', nullable(object));
  if (!text || text.format === undefined || text.format === null) return undefined;
  const format = object(text.format, 'text.format');
  if (!(textFormats as readonly unknown[]).includes(format.type)) throw invalidValue('text.format.type', format.type, textFormats);
  if (format.type === 'json_schema') {
    for (const key of ['name', 'schema'] as const) if (format[key] === undefined) throw missing(`text.format.${key}`);
    string()(format.name, 'text.format.name');
    object(format.schema, 'text.format.schema');
  }
  return text as ResponseObject['text'];
}

/** The create body, with the API's 400s (unknown fields are accepted and ignored). */
export function createResponseParams(body: Json, state: ResponsesState): CreateResponseParams {
  const store = optional(body, 'store', nullable(boolean)) ?? true;
  const background = optional(body, 'background', nullable(boolean)) ?? false;
  const previousResponseId = optional(body, 'previous_response_id', nullable(string())) ?? undefined;
  const conversation = conversationId(body.conversation);
  if (previousResponseId !== undefined && conversation !== undefined) {
    throw badRequest(
      "Mutually exclusive parameters: Ensure you are only providing one of: 'previous_response_id' or 'conversation'.",
      null,
      'mutually_exclusive_parameters',
    );
  }
  if (background && !store) throw badRequest("Background mode requires 'store' to be true.", 'background', 'invalid_value');
  const text = textParam(body);
  return {
    model: optional(body, 'model', string()) ?? 'gpt-4o',
    input: body.input === undefined ? [] : inputItems(body.input, 'input', state.engine.ids),
    instructions: optional(body, 'instructions', nullable(string())) ?? null,
    metadata: optional(body, 'metadata', metadata) ?? {},
    background,
    store,
    stream: optional(body, 'stream', nullable(boolean)) ?? false,
    ...(previousResponseId !== undefined ? { previousResponseId } : {}),
    ...(conversation !== undefined ? { conversationId: conversation } : {}),
    tools: (optional(body, 'tools', array) ?? []).map((tool, i) => {
      if (!isRecord(tool) || typeof tool.type !== 'string') throw badRequest(`Invalid 'tools[${i}]': expected a tool object with a 'type'.`, `tools[${i}]`, 'invalid_type');
      return tool as ResponseObject['tools'][number];
    }),
    toolChoice: body.tool_choice ?? 'auto',
    parallelToolCalls: optional(body, 'parallel_tool_calls', nullable(boolean)) ?? true,
    temperature: optional(body, 'temperature', nullable(number(0, 2))) ?? 1,
    topP: optional(body, 'top_p', nullable(number(0, 1))) ?? 1,
    maxOutputTokens: optional(body, 'max_output_tokens', nullable(number(16, Infinity, true))) ?? null,
    ...(text ? { text } : {}),
  };
}

/**
 * Every `function_call_output` in the new input must answer a call of this turn that has no
 * output yet; once any is given, every open call needs one (the API's two 400s).
 */
function checkToolOutputs(history: readonly Item[], input: readonly Item[]): void {
  const open = new Set(history.filter(isFunctionCall).map((call) => call.call_id));
  for (const output of history.filter(isFunctionCallOutput)) open.delete(output.call_id);
  let answered = false;
  for (const item of input) {
    if (isFunctionCall(item)) open.add(item.call_id);
    if (!isFunctionCallOutput(item)) continue;
    if (!open.has(item.call_id)) throw badRequest(`No tool call found for function call output with call_id ${item.call_id}.`, 'input', 'invalid_value');
    open.delete(item.call_id);
    answered = true;
  }
  const missing = [...open][0];
  if (answered && missing !== undefined) throw badRequest(`No tool output found for function call ${missing}.`, 'input', 'invalid_value');
}

/** The whole turn a response saw: what came before its input, its input, its output. */
export const turnOf = (record: ResponseRecord): Item[] => [...record.history, ...record.inputs, ...record.object.output];

/**
 * Creates a response: logs `response.created` (+ `queued` in background, else `in_progress`) and
 * lays out its schedule. A foreground response that is not streamed is answered when done, so its
 * whole schedule is applied at once at `now`; a streamed or background one moves on the clock.
 * `id` is for seeded demo data (readable ids); otherwise one is made.
 */
export function createResponse(state: ResponsesState, params: CreateResponseParams, now: number, id?: string): ResponseRecord {
  let history: Item[] = [];
  let conversation: ConversationRecord | undefined;
  const layers: Metadata[] = [];
  if (params.previousResponseId !== undefined) {
    const previous = state.responses.get(params.previousResponseId);
    if (!previous) {
      throw new EmulatorError(404, `Previous response with id '${params.previousResponseId}' not found.`, 'previous_response_id', 'previous_response_not_found');
    }
    // Its output is not final yet; a turn on top of it would read half a reply.
    if (!isTerminalResponse(previous.object.status)) {
      throw badRequest(`Previous response with id '${previous.object.id}' is still ${previous.object.status}; wait until it is done.`, 'previous_response_id');
    }
    history = turnOf(previous);
    layers.push(previous.inherited);
  }
  if (params.conversationId !== undefined) {
    conversation = state.conversation(params.conversationId, 'conversation');
    history = [...conversation.items];
    layers.push(conversation.object.metadata);
  }
  layers.push(params.metadata);
  checkToolOutputs(history, params.input);
  const settings = resolveResponseSettings(layers, params.parallelToolCalls);

  const response: ResponseObject = {
    id: id ?? state.engine.ids.next('resp_'),
    object: 'response',
    created_at: toSeconds(now),
    status: params.background ? 'queued' : 'in_progress',
    background: params.background,
    completed_at: null,
    conversation: conversation ? { id: conversation.object.id } : null,
    error: null,
    incomplete_details: null,
    instructions: params.instructions,
    max_output_tokens: params.maxOutputTokens,
    model: params.model,
    output: [],
    parallel_tool_calls: params.parallelToolCalls,
    previous_response_id: params.previousResponseId ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: params.store,
    temperature: params.temperature,
    text: params.text ?? { format: { type: 'text' } },
    tool_choice: params.toolChoice,
    tools: params.tools,
    top_p: params.topP,
    truncation: 'disabled',
    metadata: params.metadata,
  };
  const record: ResponseRecord = {
    object: response,
    inputs: params.input,
    history,
    ...(conversation ? { conversation } : {}),
    settings,
    inherited: Object.assign({}, ...layers) as Metadata,
    pending: [],
    log: [],
    listeners: new Set(),
  };
  conversation?.items.push(...params.input);
  const mutator = new ResponseMutator(record, now);
  mutator.announce('created');
  mutator.announce(params.background ? 'queued' : 'in_progress');
  record.pending = planResponse(record, state.engine.ids, now);
  if (!params.background && !params.stream) {
    for (const step of record.pending) step.at = now;
    advanceResponse(record, now);
  }
  if (params.store) state.responses.set(response.id, record);
  if (record.pending.length > 0) state.live.add(record);
  return record;
}
