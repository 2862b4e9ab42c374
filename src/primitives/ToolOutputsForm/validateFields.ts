import type { EnumValue, FieldSpec } from './fieldsFromSchema.js';

/**
 * What the inputs hold: text for text/number inputs, the option index as text for selects
 * ('' = none chosen), a boolean for checkboxes.
 */
export type FieldValues = Record<string, string | boolean>;

export interface FieldsValidation {
  /** Property name → message; empty when valid. */
  errors: Record<string, string>;
  /** The output object (empty optional fields left out). */
  value: Record<string, unknown>;
}

/** Inputs' starting values, from each property's `default`. */
export function initialFieldValues(fields: readonly FieldSpec[]): FieldValues {
  return Object.fromEntries(fields.map((field) => [field.name, toInputValue(field, field.default)]));
}

/** A JSON value as the field's input holds it (used for defaults and when leaving the Raw text). */
export function toInputValue(field: FieldSpec, value: unknown): string | boolean {
  if (field.kind === 'boolean') return value === true;
  if (field.kind === 'enum') {
    const index = (field.options ?? []).findIndex((option) => option === value);
    return index >= 0 ? String(index) : '';
  }
  return value === undefined || value === null ? '' : String(value);
}

function numberError(field: FieldSpec, number: number): string | null {
  const { label } = field;
  if (!Number.isFinite(number)) return `${label} must be a number`;
  if (field.kind === 'integer' && !Number.isInteger(number)) return `${label} must be a whole number`;
  if (field.minimum !== undefined && number < field.minimum) return `${label} must be at least ${field.minimum}`;
  if (field.maximum !== undefined && number > field.maximum) return `${label} must be at most ${field.maximum}`;
  if (field.exclusiveMinimum !== undefined && number <= field.exclusiveMinimum)
    return `${label} must be more than ${field.exclusiveMinimum}`;
  if (field.exclusiveMaximum !== undefined && number >= field.exclusiveMaximum)
    return `${label} must be less than ${field.exclusiveMaximum}`;
  return null;
}

function stringError(field: FieldSpec, text: string): string | null {
  const { label } = field;
  if (field.minLength !== undefined && text.length < field.minLength)
    return `${label} must be at least ${field.minLength} characters`;
  if (field.maxLength !== undefined && text.length > field.maxLength)
    return `${label} must be at most ${field.maxLength} characters`;
  if (field.pattern !== undefined) {
    let matches = true;
    try {
      matches = new RegExp(field.pattern, 'u').test(text);
    } catch {
      // A pattern this engine cannot compile is not the user's fault: skip the check.
    }
    if (!matches) return `${label} must match the pattern ${field.pattern}`;
  }
  return null;
}

/**
 * Checks inputs against their fields and builds the output object: required fields filled,
 * numbers numeric (whole for `integer`) and within bounds, strings within length and pattern,
 * enum choices among the options.
 */
export function validateFields(fields: readonly FieldSpec[], values: FieldValues): FieldsValidation {
  const errors: Record<string, string> = {};
  const value: Record<string, unknown> = {};
  for (const field of fields) {
    const input = values[field.name];
    if (field.kind === 'boolean') {
      value[field.name] = input === true;
      continue;
    }
    const text = typeof input === 'string' ? input : '';
    if (text.trim() === '') {
      if (field.required) errors[field.name] = `${field.label} is required`;
      continue;
    }
    if (field.kind === 'enum') {
      const options = field.options ?? [];
      const index = Number(text);
      if (!Number.isInteger(index) || index < 0 || index >= options.length) {
        errors[field.name] = `${field.label} must be one of ${options.map(String).join(', ')}`;
      } else value[field.name] = options[index] as EnumValue;
      continue;
    }
    if (field.kind === 'number' || field.kind === 'integer') {
      const number = Number(text);
      const error = numberError(field, number);
      if (error) errors[field.name] = error;
      else value[field.name] = number;
      continue;
    }
    const error = stringError(field, text);
    if (error) errors[field.name] = error;
    else value[field.name] = text;
  }
  return { errors, value };
}
