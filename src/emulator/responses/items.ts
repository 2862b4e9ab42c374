import { badRequest } from '../errors.js';
import type { IdFactory } from '../ids.js';
import { array, invalidType, invalidValue, isRecord, missing } from '../validate.js';
import type { FunctionCallItem, FunctionCallOutputItem, Item, MessageItem } from './types.js';

// Input items as the API stores them: every item gets an id and a status, and a message's
// string content becomes one `input_text` part (`output_text` for the assistant's own turns).

const supportedTypes = ['message', 'function_call', 'function_call_output', 'reasoning'] as const;
const inputRoles = ['user', 'system', 'developer', 'assistant'] as const;

function text(value: unknown, param: string): string {
  if (typeof value !== 'string') throw invalidType(param, 'string', value);
  return value;
}

function messageContent(role: string, content: unknown, param: string): MessageItem['content'] {
  const partType = role === 'assistant' ? 'output_text' : 'input_text';
  const part = (value: string) => (partType === 'output_text' ? { type: partType, text: value, annotations: [], logprobs: [] } : { type: partType, text: value });
  if (typeof content === 'string') return [part(content)];
  return array(content, param).map((raw, i) => {
    if (!isRecord(raw)) throw invalidType(`${param}[${i}]`, 'object', raw);
    // Parts other than text (images, files) are kept as sent.
    if (raw.type === 'input_text' || raw.type === 'output_text') return part(text(raw.text, `${param}[${i}].text`));
    return { ...raw, type: text(raw.type, `${param}[${i}].type`) };
  });
}

function inputItem(raw: unknown, param: string, ids: IdFactory): Item {
  if (!isRecord(raw)) throw invalidType(param, 'object', raw);
  const type = raw.type === undefined && raw.role !== undefined ? 'message' : raw.type;
  if (type === undefined) throw missing(`${param}.type`);
  if (typeof type !== 'string' || !(supportedTypes as readonly string[]).includes(type)) throw invalidValue(`${param}.type`, type, supportedTypes);
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : undefined;
  switch (type) {
    case 'message': {
      const role = raw.role;
      if (typeof role !== 'string' || !(inputRoles as readonly string[]).includes(role)) throw invalidValue(`${param}.role`, role, inputRoles);
      if (raw.content === undefined) throw missing(`${param}.content`);
      const item: MessageItem = { id: id ?? ids.next('msg_'), type: 'message', status: 'completed', role, content: messageContent(role, raw.content, `${param}.content`) };
      return item;
    }
    case 'function_call': {
      const item: FunctionCallItem = {
        id: id ?? ids.next('fc_'),
        type: 'function_call',
        status: 'completed',
        call_id: text(raw.call_id, `${param}.call_id`),
        name: text(raw.name, `${param}.name`),
        arguments: text(raw.arguments, `${param}.arguments`),
      };
      return item;
    }
    case 'function_call_output': {
      if (raw.output === undefined) throw missing(`${param}.output`);
      const output = typeof raw.output === 'string' ? raw.output : array(raw.output, `${param}.output`);
      const item: FunctionCallOutputItem = {
        id: id ?? ids.next('fco_'),
        type: 'function_call_output',
        status: 'completed',
        call_id: text(raw.call_id, `${param}.call_id`),
        output,
      };
      return item;
    }
    default: {
      // reasoning: handed back as the model produced it.
      const summary = Array.isArray(raw.summary) ? raw.summary : [];
      return { ...raw, id: id ?? ids.next('rs_'), type, summary };
    }
  }
}

/** `input` (a string or a list of items) as stored items. */
export function inputItems(input: unknown, param: string, ids: IdFactory, maxItems = Infinity): Item[] {
  if (typeof input === 'string') return [inputItem({ role: 'user', content: input }, param, ids)];
  const list = array(input, param);
  if (list.length > maxItems) {
    throw badRequest(
      `Invalid '${param}': array too long. Expected an array with maximum length ${maxItems}, but got an array with length ${list.length} instead.`,
      param,
      'array_above_max_length',
    );
  }
  return list.map((raw, i) => inputItem(raw, `${param}[${i}]`, ids));
}

export const isFunctionCall = (item: Item): item is FunctionCallItem => item.type === 'function_call';
export const isFunctionCallOutput = (item: Item): item is FunctionCallOutputItem => item.type === 'function_call_output';

/** The text a list of items carries (for token counts and replies that quote the user). */
export function itemsText(items: readonly Item[]): string {
  return items
    .map((item) => (item.type === 'message' ? (item as MessageItem).content.map((p) => (typeof p.text === 'string' ? p.text : '')).join(' ') : ''))
    .join('\n');
}

/** A function_call_output's output as text: a string as is; content parts by their text (images and files named). */
export function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (!Array.isArray(output)) return JSON.stringify(output);
  return output
    .map((part: unknown) => {
      if (!isRecord(part)) return JSON.stringify(part);
      if (part.type === 'input_text' && typeof part.text === 'string') return part.text;
      if (part.type === 'input_image') return '[image]';
      if (part.type === 'input_file') return `[file${typeof part.filename === 'string' ? ` ${part.filename}` : ''}]`;
      return JSON.stringify(part);
    })
    .join(' ');
}

/** The latest user message, shortened, to make replies feel like answers. */
export function topicOf(items: readonly Item[]): string {
  const last = [...items].reverse().find((item): item is MessageItem => item.type === 'message' && (item as MessageItem).role === 'user');
  const value = last ? itemsText([last]).trim().replace(/\s+/g, ' ') : '';
  if (!value) return 'your question';
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

