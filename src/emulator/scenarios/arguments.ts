import type { JsonSchema } from '../types.js';

// Plausible function-call arguments from a tool's JSON-schema `parameters`: right types, every
// required property, enum/const values, numeric and length bounds. Deterministic per `seed`.

type Pick = (count: number) => number;

const isRecord = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

function picker(seed: number): Pick {
  let state = seed >>> 0 || 7;
  return (count) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % Math.max(1, count);
  };
}

/** A stable number from a string (e.g. a call id), to seed the picks. */
export function hashString(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

const stringsByName: [RegExp, string[]][] = [
  [/location|city|place|address/i, ['San Francisco, CA', 'Paris, France', 'Tokyo, Japan']],
  [/country/i, ['France', 'Japan', 'Brazil']],
  [/unit/i, ['celsius', 'fahrenheit']],
  [/e-?mail/i, ['ada@example.com']],
  [/name/i, ['Ada Lovelace', 'Grace Hopper']],
  [/date|day/i, ['2026-01-15']],
  [/time/i, ['09:30']],
  [/lang/i, ['en']],
  [/url|link/i, ['https://example.com/docs']],
  [/query|search|question|q$/i, ['quarterly revenue by region', 'open support tickets']],
  [/id$/i, ['42']],
];

const stringsByFormat: Record<string, string> = {
  date: '2026-01-15',
  'date-time': '2026-01-15T09:30:00Z',
  time: '09:30:00',
  email: 'ada@example.com',
  uri: 'https://example.com/docs',
  url: 'https://example.com/docs',
  uuid: '3f2b8c1e-6a4d-4c2e-9b1a-7d5e8f0a1b2c',
};

function exampleString(schema: JsonSchema, name: string, pick: Pick): string {
  const format = typeof schema.format === 'string' ? stringsByFormat[schema.format] : undefined;
  const candidates = stringsByName.find(([pattern]) => pattern.test(name))?.[1];
  let value = format ?? (candidates ? (candidates[pick(candidates.length)] ?? 'example') : 'example');
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (value.length < min) value = value.padEnd(min, 'x');
  return value.slice(0, max);
}

function exampleNumber(schema: JsonSchema, integer: boolean, pick: Pick): number {
  const lower =
    typeof schema.minimum === 'number' ? schema.minimum
    : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 0.5)
    : undefined;
  const upper =
    typeof schema.maximum === 'number' ? schema.maximum
    : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : 0.5)
    : undefined;
  const low = lower ?? (upper !== undefined ? upper - 10 : 1);
  const high = upper ?? low + 20;
  let value = low + ((high - low) * pick(100)) / 100;
  if (integer) value = Math.min(Math.ceil(value), Math.floor(high));
  else value = Math.round(value * 100) / 100;
  const step = typeof schema.multipleOf === 'number' ? schema.multipleOf : undefined;
  if (step) value = Math.ceil(low / step) * step;
  return Math.min(Math.max(value, low), high);
}

function firstType(schema: JsonSchema): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.find((t): t is string => typeof t === 'string' && t !== 'null');
  if (isRecord(schema.properties)) return 'object';
  if (isRecord(schema.items)) return 'array';
  return undefined;
}

export function exampleValue(schema: unknown, name: string, pick: Pick, depth = 0): unknown {
  if (!isRecord(schema) || depth > 6) return 'example';
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[pick(schema.enum.length)];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key];
    if (Array.isArray(options)) {
      const usable = options.find((o) => isRecord(o) && o.type !== 'null') ?? options[0];
      return exampleValue({ ...schema, [key]: undefined, ...(usable as JsonSchema) }, name, pick, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const merged = schema.allOf.reduce<JsonSchema>((acc, part) => (isRecord(part) ? { ...acc, ...part } : acc), { ...schema, allOf: undefined });
    return exampleValue(merged, name, pick, depth + 1);
  }
  switch (firstType(schema)) {
    case 'string':
      return exampleString(schema, name, pick);
    case 'integer':
      return exampleNumber(schema, true, pick);
    case 'number':
      return exampleNumber(schema, false, pick);
    case 'boolean':
      return pick(2) === 0;
    case 'null':
      return null;
    case 'array': {
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      const items = Array.from({ length: count }, () => exampleValue(schema.items, name.replace(/s$/, ''), pick, depth + 1));
      return schema.uniqueItems ? [...new Set(items.map((i) => JSON.stringify(i)))].map((i) => JSON.parse(i) as unknown) : items;
    }
    case 'object': {
      const properties = isRecord(schema.properties) ? schema.properties : {};
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(properties)) out[key] = exampleValue(inner, key, pick, depth + 1);
      return out;
    }
    default:
      return 'example';
  }
}

/** Arguments object for a function call; `{}` when the function takes no parameters. */
export function exampleArguments(parameters: JsonSchema | undefined, seed: number): Record<string, unknown> {
  const value = exampleValue(parameters ?? { type: 'object', properties: {} }, 'arguments', picker(seed));
  return isRecord(value) ? value : {};
}
