import type { Message } from '../../api/schemas/message.js';
import type { RunStep, ToolCall } from '../../api/schemas/run-step.js';
import { stepToolNames } from './stepToolNames.js';
import type { StepSearchField } from './types.js';

/**
 * Receives each non-empty piece of a step's text with the field it belongs to (a field may come in
 * several pieces). An object, not a callback: no closure per step while 10 000 are indexed.
 */
export interface StepTextSink {
  add(field: StepSearchField, text: string): void;
}

/** Fields of a newer call kind that only say what it is. */
const ownKeys: ReadonlySet<string> = new Set(['id', 'type', 'original_type']);

/** Every string inside a value (a newer call kind's fields), for its text to be findable. */
function addStrings(value: unknown, field: StepSearchField, sink: StepTextSink): void {
  if (typeof value === 'string') add(sink, field, value);
  else if (Array.isArray(value)) for (const item of value) addStrings(item, field, sink);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) addStrings(item, field, sink);
}

function add(sink: StepTextSink, field: StepSearchField, text: string): void {
  if (text !== '') sink.add(field, text);
}

function addCall(call: ToolCall, sink: StepTextSink): void {
  switch (call.type) {
    case 'function':
      add(sink, 'arguments', call.function.arguments);
      if (call.function.output) add(sink, 'output', call.function.output);
      return;
    case 'code_interpreter':
      add(sink, 'code', call.code_interpreter.input);
      for (const output of call.code_interpreter.outputs) if (output.type === 'logs') add(sink, 'logs', output.logs);
      return;
    case 'file_search':
      for (const result of call.file_search.results ?? []) {
        add(sink, 'file_search', result.file_name);
        for (const chunk of result.content ?? []) if (chunk.text) add(sink, 'file_search', chunk.text);
      }
      return;
    default:
      // A kind runlens does not model (e.g. a Responses `reasoning` item): its strings count as output.
      for (const key in call) if (!ownKeys.has(key)) addStrings((call as Record<string, unknown>)[key], 'output', sink);
  }
}

/**
 * Walks a step's searchable text in step order — the message's text parts (when given), each call's
 * arguments, output, code, logs and file-search names and chunks, then the tool names and the
 * error — handing each non-empty piece to `sink`. Returns the step's tool names.
 */
export function visitStepText(step: RunStep, message: Message | undefined, sink: StepTextSink): string[] {
  if (message) {
    for (const part of message.content) {
      if (part.type === 'text') add(sink, 'message', part.text.value);
      else if (part.type === 'refusal') add(sink, 'message', part.refusal);
    }
  }
  if (step.step_details.type === 'tool_calls') for (const call of step.step_details.tool_calls) addCall(call, sink);
  const toolNames = stepToolNames(step);
  if (toolNames.length > 0) add(sink, 'tool_name', toolNames.join('\n'));
  if (step.last_error?.message) add(sink, 'error', step.last_error.message);
  return toolNames;
}
