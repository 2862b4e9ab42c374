import { badRequest } from './errors.js';
import type { FunctionTool, MessageContent, Metadata, Tool } from './types.js';
import {
  array, boolean, metadata, nullable, number, object, oneOf, onlyKnown, optional, required, string,
  type Json,
} from './validate.js';

// One parser per request body of the spec, returning the typed params the engine acts on.

export interface AssistantParams {
  model: string;
  name?: string | null;
  description?: string | null;
  instructions?: string | null;
  tools?: Tool[];
  tool_resources?: Json | null;
  metadata?: Metadata;
  temperature?: number | null;
  top_p?: number | null;
  response_format?: unknown;
}

export interface MessageParams {
  role: 'user' | 'assistant';
  content: MessageContent[];
  attachments?: unknown[] | null;
  metadata?: Metadata;
}

export interface ThreadParams {
  messages?: MessageParams[];
  tool_resources?: Json | null;
  metadata?: Metadata;
}

export interface RunParams {
  assistant_id: string;
  model?: string | null;
  instructions?: string | null;
  additional_instructions?: string | null;
  additional_messages?: MessageParams[] | null;
  tools?: Tool[] | null;
  metadata?: Metadata;
  temperature?: number | null;
  top_p?: number | null;
  max_prompt_tokens?: number | null;
  max_completion_tokens?: number | null;
  truncation_strategy?: { type: 'auto' | 'last_messages'; last_messages?: number | null } | null;
  tool_choice?: unknown;
  parallel_tool_calls?: boolean;
  response_format?: unknown;
  stream?: boolean | null;
}

const functionName = (value: unknown, param: string): string => {
  const name = string(64)(value, param);
  if (!/^[a-zA-Z0-9_-]+$/.test(name)) {
    throw badRequest(`Invalid '${param}': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, param, 'invalid_value');
  }
  return name;
};

function tool(value: unknown, param: string): Tool {
  const body = object(value, param);
  const type = required(body, 'type', oneOf(['code_interpreter', 'file_search', 'function'] as const), `${param}.`);
  if (type === 'code_interpreter') return { type };
  if (type === 'file_search') {
    const options = optional(body, 'file_search', object, `${param}.`) ?? {};
    const prefix = `${param}.file_search.`;
    optional(options, 'max_num_results', number(1, 50, true), prefix);
    const ranking = optional(options, 'ranking_options', object, prefix);
    if (ranking) {
      optional(ranking, 'ranker', oneOf(['auto', 'default_2024_08_21'] as const), `${prefix}ranking_options.`);
      required(ranking, 'score_threshold', number(0, 1), `${prefix}ranking_options.`);
    }
    return { type, file_search: options };
  }
  const fn = required(body, 'function', object, `${param}.`);
  const definition: FunctionTool['function'] = { ...fn, name: required(fn, 'name', functionName, `${param}.function.`) };
  optional(fn, 'parameters', object, `${param}.function.`);
  optional(fn, 'description', string(), `${param}.function.`);
  return { type, function: definition };
}

const tools =
  (max: number) =>
  (value: unknown, param: string): Tool[] => {
    const list = array(value, param);
    if (list.length > max) {
      throw badRequest(`Invalid '${param}': array too long. Expected an array with maximum length ${max}, but got an array with length ${list.length} instead.`, param, 'array_above_max_length');
    }
    return list.map((item, i) => tool(item, `${param}[${i}]`));
  };

function contentPart(value: unknown, param: string): MessageContent {
  const part = object(value, param);
  const type = required(part, 'type', oneOf(['text', 'image_file', 'image_url'] as const), `${param}.`);
  if (type === 'text') return { type, text: { value: required(part, 'text', string(), `${param}.`), annotations: [] } };
  if (type === 'image_file') {
    const image = required(part, 'image_file', object, `${param}.`);
    return { type, image_file: { file_id: required(image, 'file_id', string(), `${param}.image_file.`), detail: 'auto', ...image } };
  }
  const image = required(part, 'image_url', object, `${param}.`);
  return { type, image_url: { url: required(image, 'url', string(), `${param}.image_url.`), detail: 'auto', ...image } };
}

function messageContent(value: unknown, param: string): MessageContent[] {
  if (typeof value === 'string') return [{ type: 'text', text: { value, annotations: [] } }];
  const parts = array(value, param);
  if (parts.length === 0) throw badRequest(`Invalid '${param}': empty array. Expected an array with minimum length 1, but got an empty array instead.`, param, 'empty_array');
  return parts.map((part, i) => contentPart(part, `${param}[${i}]`));
}

export function messageParams(value: unknown, param = ''): MessageParams {
  const body = object(value, param || 'body');
  const prefix = param ? `${param}.` : '';
  onlyKnown(body, ['role', 'content', 'attachments', 'metadata'], prefix);
  return {
    role: required(body, 'role', oneOf(['user', 'assistant'] as const), prefix),
    content: required(body, 'content', messageContent, prefix),
    attachments: optional(body, 'attachments', nullable(array), prefix),
    metadata: optional(body, 'metadata', metadata, prefix),
  };
}

const messageList = (value: unknown, param: string): MessageParams[] =>
  array(value, param).map((item, i) => messageParams(item, `${param}[${i}]`));

export function assistantParams(body: Json): AssistantParams {
  onlyKnown(body, ['model', 'name', 'description', 'instructions', 'reasoning_effort', 'tools', 'tool_resources', 'metadata', 'temperature', 'top_p', 'response_format']);
  return {
    model: required(body, 'model', string()),
    name: optional(body, 'name', nullable(string(256))),
    description: optional(body, 'description', nullable(string(512))),
    instructions: optional(body, 'instructions', nullable(string(256_000))),
    tools: optional(body, 'tools', tools(128)),
    tool_resources: optional(body, 'tool_resources', nullable(object)),
    metadata: optional(body, 'metadata', metadata),
    temperature: optional(body, 'temperature', nullable(number(0, 2))),
    top_p: optional(body, 'top_p', nullable(number(0, 1))),
    response_format: body.response_format,
  };
}

export function threadParams(body: Json, prefix = ''): ThreadParams {
  onlyKnown(body, ['messages', 'tool_resources', 'metadata'], prefix);
  return {
    messages: optional(body, 'messages', messageList, prefix),
    tool_resources: optional(body, 'tool_resources', nullable(object), prefix),
    metadata: optional(body, 'metadata', metadata, prefix),
  };
}

const sharedRunKeys = [
  'assistant_id', 'model', 'instructions', 'tools', 'metadata', 'temperature', 'top_p', 'stream', 'max_prompt_tokens',
  'max_completion_tokens', 'truncation_strategy', 'tool_choice', 'parallel_tool_calls', 'response_format', 'reasoning_effort',
] as const;

function truncationStrategy(value: unknown, param: string): RunParams['truncation_strategy'] {
  const body = object(value, param);
  return {
    type: required(body, 'type', oneOf(['auto', 'last_messages'] as const), `${param}.`),
    last_messages: optional(body, 'last_messages', nullable(number(1, Infinity, true)), `${param}.`) ?? null,
  };
}

function sharedRunParams(body: Json): RunParams {
  const tokens = nullable(number(256, Infinity, true));
  return {
    assistant_id: required(body, 'assistant_id', string()),
    model: optional(body, 'model', nullable(string())),
    instructions: optional(body, 'instructions', nullable(string())),
    tools: optional(body, 'tools', nullable(tools(20))),
    metadata: optional(body, 'metadata', metadata),
    temperature: optional(body, 'temperature', nullable(number(0, 2))),
    top_p: optional(body, 'top_p', nullable(number(0, 1))),
    stream: optional(body, 'stream', nullable(boolean)),
    max_prompt_tokens: optional(body, 'max_prompt_tokens', tokens),
    max_completion_tokens: optional(body, 'max_completion_tokens', tokens),
    truncation_strategy: optional(body, 'truncation_strategy', nullable(truncationStrategy)),
    tool_choice: body.tool_choice,
    parallel_tool_calls: optional(body, 'parallel_tool_calls', boolean),
    response_format: body.response_format,
  };
}

export function runParams(body: Json): RunParams {
  onlyKnown(body, [...sharedRunKeys, 'additional_instructions', 'additional_messages']);
  return {
    ...sharedRunParams(body),
    additional_instructions: optional(body, 'additional_instructions', nullable(string())),
    additional_messages: optional(body, 'additional_messages', nullable(messageList)),
  };
}

/** The run's own `tool_resources` is checked but not kept: the run object has no such field. */
export function threadAndRunParams(body: Json): { run: RunParams; thread: ThreadParams } {
  onlyKnown(body, [...sharedRunKeys, 'thread', 'tool_resources']);
  optional(body, 'tool_resources', nullable(object));
  const thread = optional(body, 'thread', object);
  return { run: sharedRunParams(body), thread: thread ? threadParams(thread, 'thread.') : {} };
}

export function modifyRunParams(body: Json): { metadata?: Metadata } {
  onlyKnown(body, ['metadata']);
  return { metadata: optional(body, 'metadata', metadata) };
}

export function toolOutputsParams(body: Json): { tool_outputs: { tool_call_id: string; output: string }[]; stream: boolean } {
  onlyKnown(body, ['tool_outputs', 'stream']);
  const outputs = required(body, 'tool_outputs', array).map((item, i) => {
    const output = object(item, `tool_outputs[${i}]`);
    const prefix = `tool_outputs[${i}].`;
    return { tool_call_id: required(output, 'tool_call_id', string(), prefix), output: optional(output, 'output', string(), prefix) ?? '' };
  });
  return { tool_outputs: outputs, stream: optional(body, 'stream', nullable(boolean)) ?? false };
}
