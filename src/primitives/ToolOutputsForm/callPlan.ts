import type { RunToolCall } from '../../api/schemas/run.js';
import type { AssistantTool } from '../../api/schemas/tools.js';
import { fieldsFromSchema, type FieldSpec } from './fieldsFromSchema.js';
import {
  initialFieldValues,
  toInputValue,
  validateFields,
  validateRawOutput,
  type FieldValues,
  type RawFormat,
} from './validateFields.js';

/** JSON schemas of tool outputs, by function name. */
export type OutputSchemas = Record<string, Record<string, unknown>>;

/** How one pending call is answered: by schema fields, or raw text when no usable schema. */
export interface CallPlan {
  call: RunToolCall;
  /** Function name (or the unknown call type). */
  name: string;
  /** The call's arguments as the model wrote them, when it has any. */
  args: string | null;
  schema: Record<string, unknown> | null;
  fields: FieldSpec[] | null;
}

export interface CallDraft {
  mode: 'fields' | 'raw';
  values: FieldValues;
  raw: string;
  rawFormat: RawFormat;
}

export interface CallCheck {
  fieldErrors: Record<string, string>;
  rawError: string | null;
  /** The output to send, or null while invalid. */
  output: string | null;
}

/** `outputSchemas[name]` first, else the run's tool definition's `parameters` (as the issue asks). */
export function planCalls(
  toolCalls: readonly RunToolCall[],
  tools: readonly AssistantTool[] = [],
  outputSchemas: OutputSchemas = {},
): CallPlan[] {
  return toolCalls.map((call) => {
    if (call.type !== 'function') {
      return { call, name: call.original_type, args: null, schema: null, fields: null };
    }
    const name = call.function.name;
    const tool = tools.find((entry) => entry.type === 'function' && entry.function.name === name);
    const schema = outputSchemas[name] ?? (tool?.type === 'function' ? tool.function.parameters : undefined) ?? null;
    return { call, name, args: call.function.arguments, schema, fields: fieldsFromSchema(schema) };
  });
}

export function initialDraft(plan: CallPlan): CallDraft {
  return plan.fields
    ? { mode: 'fields', values: initialFieldValues(plan.fields), raw: '', rawFormat: 'json' }
    : { mode: 'raw', values: {}, raw: '', rawFormat: plan.schema ? 'json' : 'text' };
}

export function checkCall(plan: CallPlan, draft: CallDraft): CallCheck {
  if (draft.mode === 'fields' && plan.fields) {
    const { errors, value } = validateFields(plan.fields, draft.values);
    const valid = Object.keys(errors).length === 0;
    return { fieldErrors: errors, rawError: null, output: valid ? JSON.stringify(value) : null };
  }
  const rawError = validateRawOutput(draft.raw, draft.rawFormat);
  return { fieldErrors: {}, rawError, output: rawError ? null : draft.raw };
}

/** Switching modes carries what was typed across when it can. */
export function toggledDraft(plan: CallPlan, draft: CallDraft): CallDraft {
  if (!plan.fields) return draft;
  if (draft.mode === 'fields') {
    const { value } = validateFields(plan.fields, draft.values);
    const raw = draft.raw.trim() ? draft.raw : JSON.stringify(value, null, 2);
    return { ...draft, mode: 'raw', raw, rawFormat: 'json' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(draft.raw);
  } catch {
    return { ...draft, mode: 'fields' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ...draft, mode: 'fields' };
  const fromRaw = parsed as Record<string, unknown>;
  const values = { ...draft.values };
  for (const field of plan.fields) if (field.name in fromRaw) values[field.name] = toInputValue(field, fromRaw[field.name]);
  return { ...draft, mode: 'fields', values };
}
