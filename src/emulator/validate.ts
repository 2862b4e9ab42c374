import { badRequest } from './errors.js';
import type { Metadata } from './types.js';

// Request checks with the API's error wording: `param` names the offending field and `code`
// says what was wrong (invalid_type, missing_required_parameter, unknown_parameter, …).

export type Json = Record<string, unknown>;
export type Reader<T> = (value: unknown, param: string) => T;

export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const withArticle = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

export function invalidType(param: string, expected: string, value: unknown) {
  return badRequest(
    `Invalid type for '${param}': expected ${withArticle(expected)}, but got ${withArticle(jsonType(value))} instead.`,
    param,
    'invalid_type',
  );
}

export function missing(param: string) {
  return badRequest(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

export function invalidValue(param: string, value: unknown, supported: readonly string[]) {
  const list = supported.map((s) => `'${s}'`);
  const wording = list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list.at(-1)}` : (list[0] ?? '');
  return badRequest(`Invalid value: '${String(value)}'. Supported values are: ${wording}.`, param, 'invalid_value');
}

/** The API rejected fields it did not know (`additionalProperties: false` in the spec). */
export function onlyKnown(body: Json, allowed: readonly string[], prefix = ''): void {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  if (unknown !== undefined) throw badRequest(`Unknown parameter: '${prefix}${unknown}'.`, `${prefix}${unknown}`, 'unknown_parameter');
}

export function required<T>(body: Json, key: string, read: Reader<T>, prefix = ''): T {
  if (body[key] === undefined) throw missing(`${prefix}${key}`);
  return read(body[key], `${prefix}${key}`);
}

export function optional<T>(body: Json, key: string, read: Reader<T>, prefix = ''): T | undefined {
  return body[key] === undefined ? undefined : read(body[key], `${prefix}${key}`);
}

/** Accepts `null` as well (the spec's `nullable` fields). */
export const nullable =
  <T>(read: Reader<T>): Reader<T | null> =>
  (value, param) =>
    value === null ? null : read(value, param);

export const string =
  (maxLength = Infinity): Reader<string> =>
  (value, param) => {
    if (typeof value !== 'string') throw invalidType(param, 'string', value);
    if (value.length > maxLength) {
      throw badRequest(
        `Invalid '${param}': string too long. Expected a string with maximum length ${maxLength}, but got a string with length ${value.length} instead.`,
        param,
        'string_above_max_length',
      );
    }
    return value;
  };

export const boolean: Reader<boolean> = (value, param) => {
  if (typeof value !== 'boolean') throw invalidType(param, 'boolean', value);
  return value;
};

export const number =
  (min = -Infinity, max = Infinity, integer = false): Reader<number> =>
  (value, param) => {
    const kind = integer ? 'integer' : 'number';
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) throw invalidType(param, kind, value);
    if (value < min) {
      throw badRequest(`Invalid '${param}': ${kind} below minimum value. Expected a value >= ${min}, but got ${value} instead.`, param, `${kind}_below_min_value`);
    }
    if (value > max) {
      throw badRequest(`Invalid '${param}': ${kind} above maximum value. Expected a value <= ${max}, but got ${value} instead.`, param, `${kind}_above_max_value`);
    }
    return value;
  };

export const oneOf =
  <T extends string>(values: readonly T[]): Reader<T> =>
  (value, param) => {
    if (typeof value !== 'string') throw invalidType(param, 'string', value);
    if (!(values as readonly string[]).includes(value)) throw invalidValue(param, value, values);
    return value as T;
  };

export const object: Reader<Json> = (value, param) => {
  if (!isRecord(value)) throw invalidType(param, 'object', value);
  return value;
};

export const array: Reader<unknown[]> = (value, param) => {
  if (!Array.isArray(value)) throw invalidType(param, 'array', value);
  return value;
};

/** At most 16 keys, keys ≤ 64 characters, string values ≤ 512 characters. `param` is always `metadata`. */
export const metadata: Reader<Metadata> = (value, param) => {
  if (value === null) return {};
  if (!isRecord(value)) throw invalidType(param, 'object', value);
  const entries = Object.entries(value);
  if (entries.length > 16) {
    throw badRequest(
      `Invalid '${param}': too many properties. Expected an object with at most 16 properties, but got an object with ${entries.length} properties instead.`,
      param,
      'object_above_max_properties',
    );
  }
  for (const [key, inner] of entries) {
    if (key.length > 64) {
      throw badRequest(
        `Invalid '${param}': key '${key.slice(0, 24)}…' is too long. Expected keys with at most 64 characters, but got a key with ${key.length} characters instead.`,
        param,
        'string_above_max_length',
      );
    }
    if (typeof inner !== 'string') {
      throw badRequest(
        `Invalid type for '${param}.${key}': expected a string, but got ${withArticle(jsonType(inner))} instead.`,
        param,
        'invalid_type',
      );
    }
    if (inner.length > 512) {
      throw badRequest(
        `Invalid '${param}.${key}': string too long. Expected a string with maximum length 512, but got a string with length ${inner.length} instead.`,
        param,
        'string_above_max_length',
      );
    }
  }
  return Object.fromEntries(entries) as Metadata;
};
