/** A JSON-schema property the form can render as one input. */
export type FieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum';
export type EnumValue = string | number | boolean | null;

export interface FieldSpec {
  /** Property name, the key in the output object. */
  name: string;
  /** `title`, else the property name. */
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  /** The `enum` values (kind `enum` only). */
  options?: EnumValue[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

type Schema = Record<string, unknown>;
const isRecord = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const numberOf = (value: unknown) => (typeof value === 'number' ? value : undefined);
const isEnumValue = (value: unknown): value is EnumValue =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** `"string"`, or `["string", "null"]` (a nullable string) → "string"; anything wider → null. */
function singleType(type: unknown): string | null {
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const concrete = type.filter((entry) => entry !== 'null');
    return concrete.length === 1 && typeof concrete[0] === 'string' ? concrete[0] : null;
  }
  return null;
}

function fieldFromProperty(name: string, property: Schema, required: boolean): FieldSpec | null {
  const base = {
    name,
    label: typeof property.title === 'string' && property.title ? property.title : name,
    required,
    description: typeof property.description === 'string' ? property.description : undefined,
    default: property.default,
  };
  if (Array.isArray(property.enum)) {
    if (property.enum.length === 0 || !property.enum.every(isEnumValue)) return null;
    return { ...base, kind: 'enum', options: property.enum };
  }
  const type = singleType(property.type);
  if (type === 'boolean') return { ...base, kind: 'boolean' };
  if (type === 'number' || type === 'integer') {
    return {
      ...base,
      kind: type,
      minimum: numberOf(property.minimum),
      maximum: numberOf(property.maximum),
      exclusiveMinimum: numberOf(property.exclusiveMinimum),
      exclusiveMaximum: numberOf(property.exclusiveMaximum),
    };
  }
  if (type === 'string') {
    return {
      ...base,
      kind: 'string',
      minLength: numberOf(property.minLength),
      maxLength: numberOf(property.maxLength),
      pattern: typeof property.pattern === 'string' ? property.pattern : undefined,
    };
  }
  return null; // objects, arrays, unions: the raw textarea handles those
}

/**
 * One form field per property of an object JSON schema, or `null` when the schema cannot be
 * rendered as flat fields (not an object, no properties, or a nested object/array/union property)
 * — the form then falls back to a raw textarea.
 *
 * @example
 * fieldsFromSchema({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] })
 * // → [{ name: 'city', label: 'city', kind: 'string', required: true, … }]
 */
export function fieldsFromSchema(schema: unknown): FieldSpec[] | null {
  if (!isRecord(schema) || !isRecord(schema.properties)) return null;
  if (schema.type !== undefined && singleType(schema.type) !== 'object') return null;
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((n) => typeof n === 'string') : []);
  const entries = Object.entries(schema.properties);
  if (entries.length === 0) return null;
  const fields: FieldSpec[] = [];
  for (const [name, property] of entries) {
    const field = isRecord(property) ? fieldFromProperty(name, property, required.has(name)) : null;
    if (!field) return null;
    fields.push(field);
  }
  return fields;
}
