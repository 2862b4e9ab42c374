import type { RunToolCall } from '../../api/schemas/run.js';
import type { AssistantTool } from '../../api/schemas/tools.js';
import { fieldsFromSchema, type FieldSpec } from './fieldsFromSchema.js';
import { validateTextOutput } from './textOutput.js';
import { initialFieldValues, toInputValue, validateFields, type FieldValues } from './validateFields.js';

/**
 * JSON schemas of tool *outputs*, by function name: the app's own contract for what a function
 * returns. (A tool's `parameters` describe its arguments, so the form never builds fields from them.)
 */
export type OutputSchemas = Record<string, Record<string, unknown>>;

/** How one pending call is answered: a text output, or fields when the app gave an output schema. */
export interface CallPlan {
  call: RunToolCall;
  /** Function name (or the unknown call type). */
  name: string;
  /** The call's arguments as the model wrote them, when it has any. */
  args: string | null;
  /** The function's `description` from the run's tools, when it has one. */
  description: string | null;
  /** `outputSchemas[name]`, when the app gave one. */
  schema: Record<string, unknown> | null;
  /** One field per property of `schema`, or null (no schema, or one too nested for flat fields). */
  fields: FieldSpec[] | null;
}

export interface CallDraft {
  /** `fields` only for a call with fields; `text` is the output editor ("Raw" on a call with fields). */
  mode: 'fields' | 'text';
  values: FieldValues;
  text: string;
}

export interface CallCheck {
  fieldErrors: Record<string, string>;
  textError: string | null;
  /** The output to send, or null while invalid. */
  output: string | null;
}

/** Each call's name, arguments, description (from `tools`) and fields (from `outputSchemas` only). */
export function planCalls(
  toolCalls: readonly RunToolCall[],
  tools: readonly AssistantTool[] = [],
  outputSchemas: OutputSchemas = {},
): CallPlan[] {
  return toolCalls.map((call) => {
    if (call.type !== 'function') {
      return { call, name: call.original_type, args: null, description: null, schema: null, fields: null };
    }
    const name = call.function.name;
    const tool = tools.find((entry) => entry.type === 'function' && entry.function.name === name);
    const description = (tool?.type === 'function' ? tool.function.description : undefined) || null;
    const schema = Object.hasOwn(outputSchemas, name) ? (outputSchemas[name] ?? null) : null;
    return { call, name, args: call.function.arguments, description, schema, fields: fieldsFromSchema(schema) };
  });
}

export function initialDraft(plan: CallPlan): CallDraft {
  return plan.fields
    ? { mode: 'fields', values: initialFieldValues(plan.fields), text: '' }
    : { mode: 'text', values: {}, text: '' };
}

export function checkCall(plan: CallPlan, draft: CallDraft): CallCheck {
  if (draft.mode === 'fields' && plan.fields) {
    const { errors, value } = validateFields(plan.fields, draft.values);
    const valid = Object.keys(errors).length === 0;
    return { fieldErrors: errors, textError: null, output: valid ? JSON.stringify(value) : null };
  }
  const textError = validateTextOutput(draft.text, plan.name);
  return { fieldErrors: {}, textError, output: textError ? null : draft.text };
}

/** Switching between fields and Raw text carries what was typed across when it can. */
export function toggledDraft(plan: CallPlan, draft: CallDraft): CallDraft {
  if (!plan.fields) return draft;
  if (draft.mode === 'fields') {
    const { value } = validateFields(plan.fields, draft.values);
    const text = draft.text.trim() ? draft.text : JSON.stringify(value, null, 2);
    return { ...draft, mode: 'text', text };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(draft.text);
  } catch {
    return { ...draft, mode: 'fields' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ...draft, mode: 'fields' };
  const fromText = parsed as Record<string, unknown>;
  const values = { ...draft.values };
  for (const field of plan.fields) if (field.name in fromText) values[field.name] = toInputValue(field, fromText[field.name]);
  return { ...draft, mode: 'fields', values };
}
