import type { ListRunStepsParams } from './client.js';
import { RunsApiError } from './errors.js';
import { formatPath, kindOf, snippet } from './issues.js';
import { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT } from './schemas/run-step-include.js';

// Checks run before a request is sent. Each returns the problem as a RunsApiError (status null,
// type `invalid_request_error`, `param` naming the field) or null, so a form can show it
// without sending anything and the client can throw it.

export const METADATA_LIMITS = { maxKeys: 16, maxKeyLength: 64, maxValueLength: 512 } as const;
export const LIST_LIMIT_RANGE = { min: 1, max: 100 } as const;

/** The first problem among several checks, or null. */
export function firstProblem(...problems: (RunsApiError | null)[]): RunsApiError | null {
  return problems.find((problem) => problem !== null) ?? null;
}

/** `thread_id` / `run_id` / `step_id`: a non-empty id, not a path. */
export function checkId(value: unknown, param: string): RunsApiError | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return RunsApiError.beforeSend(param, `${param} must be a non-empty id; got ${snippet(value)}.`);
  }
  if (value.includes('/')) {
    return RunsApiError.beforeSend(param, `${param} ${snippet(value)} contains '/'; pass the id alone, not a path.`);
  }
  return null;
}

/** At most 16 keys; keys up to 64 characters; values strings up to 512 characters. */
export function checkMetadata(metadata: unknown, param = 'metadata'): RunsApiError | null {
  if (metadata === null || metadata === undefined) return null;
  if (typeof metadata !== 'object' || Array.isArray(metadata)) {
    return RunsApiError.beforeSend(param, `${param} must be an object of string values; got ${snippet(metadata)}.`);
  }
  const entries = Object.entries(metadata);
  const { maxKeys, maxKeyLength, maxValueLength } = METADATA_LIMITS;
  if (entries.length > maxKeys) {
    return RunsApiError.beforeSend(param, `${param} has ${entries.length} keys; at most ${maxKeys} are allowed.`);
  }
  for (const [key, value] of entries) {
    if (key.length > maxKeyLength) {
      return RunsApiError.beforeSend(
        param,
        `${param} key ${snippet(key, 24)} is ${key.length} characters long; keys may have at most ${maxKeyLength}.`,
      );
    }
    if (typeof value !== 'string') {
      return RunsApiError.beforeSend(param, `${param}.${key} must be a string; got ${snippet(value)}.`);
    }
    if (value.length > maxValueLength) {
      return RunsApiError.beforeSend(
        param,
        `${param}.${key} is ${value.length} characters long; values may have at most ${maxValueLength}.`,
      );
    }
  }
  return null;
}

/** `limit` an integer 1–100, `order` asc|desc, cursors non-empty ids, `include` the one known value. */
export function checkListParams(params: ListRunStepsParams | undefined): RunsApiError | null {
  if (params === undefined) return null;
  const { limit, order, after, before, include } = params;
  const { min, max } = LIST_LIMIT_RANGE;
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= min && limit <= max)) {
    return RunsApiError.beforeSend('limit', `limit must be an integer from ${min} to ${max}; got ${snippet(limit)}.`);
  }
  if (order !== undefined && order !== 'asc' && order !== 'desc') {
    return RunsApiError.beforeSend('order', `order must be 'asc' or 'desc'; got ${snippet(order)}.`);
  }
  return firstProblem(
    after === undefined ? null : checkId(after, 'after'),
    before === undefined ? null : checkId(before, 'before'),
    checkRunStepInclude(include),
  );
}

/** `include` of the run-step calls: an array of the one known value. */
export function checkRunStepInclude(include: unknown): RunsApiError | null {
  if (include === undefined) return null;
  if (!Array.isArray(include)) return invalid(['include'], `expected array, received ${kindOf(include)}`);
  const at = include.findIndex((value) => value !== RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT);
  return at === -1 ? null : invalid(['include', at], `expected ${snippet(RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT)}`);
}

/** An array of `{ tool_call_id, output }`, at least one, each call id once. */
export function checkToolOutputs(toolOutputs: unknown): RunsApiError | null {
  if (!Array.isArray(toolOutputs)) return invalid(['tool_outputs'], `expected array, received ${kindOf(toolOutputs)}`);
  for (const [i, output] of toolOutputs.entries()) {
    const problem = checkToolOutput(output, ['tool_outputs', i]);
    if (problem) return problem;
  }
  if (toolOutputs.length === 0) {
    return RunsApiError.beforeSend(
      'tool_outputs',
      'tool_outputs is empty; send one output for each pending tool call.',
    );
  }
  const seen = new Set<string>();
  for (const { tool_call_id: id } of toolOutputs as { tool_call_id: string }[]) {
    if (seen.has(id)) {
      return RunsApiError.beforeSend(
        'tool_outputs',
        `tool_outputs has more than one output for ${id}; send one per call.`,
      );
    }
    seen.add(id);
  }
  return null;
}

function checkToolOutput(output: unknown, path: PropertyKey[]): RunsApiError | null {
  if (!isPlainObject(output)) return invalid(path, `expected object, received ${kindOf(output)}`);
  const { tool_call_id: id, output: text } = output;
  if (typeof id !== 'string') return invalid([...path, 'tool_call_id'], `expected string, received ${kindOf(id)}`);
  if (id === '') return invalid([...path, 'tool_call_id'], 'must not be empty');
  if (typeof text !== 'string') return invalid([...path, 'output'], `expected string, received ${kindOf(text)}`);
  return checkKnownKeys(output, ['tool_call_id', 'output'], path);
}

/** `updateRun`'s body: `{ metadata }` and nothing else. */
export function checkUpdateRunParams(params: unknown): RunsApiError | null {
  if (!isPlainObject(params)) return invalid([], `expected object, received ${kindOf(params)}`);
  const { metadata } = params;
  if (!isPlainObject(metadata)) return invalid(['metadata'], `expected object, received ${kindOf(metadata)}`);
  return checkKnownKeys(params, ['metadata'], []) ?? checkMetadata(metadata);
}

// Hand-written rather than zod: the hooks entry carries these checks, and zod's parse core would
// double its size. The messages match the zod-based checks of the create calls (validate.ts).

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `Invalid tool_outputs[0].output: expected string, received number.`; `body` for the value itself. */
export function invalid(path: readonly PropertyKey[], what: string): RunsApiError {
  const param = path.length ? formatPath(path) : 'body';
  return RunsApiError.beforeSend(param, `Invalid ${param}: ${what}.`);
}

/** A closed object, like the spec's request bodies (`additionalProperties: false`). */
function checkKnownKeys(value: Record<string, unknown>, known: readonly string[], path: readonly PropertyKey[]): RunsApiError | null {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  return unknown.length ? unrecognized(path, unknown) : null;
}

/** The API's own wording for a key the body may not have, with `param` naming the first. */
export function unrecognized(path: readonly PropertyKey[], keys: readonly string[]): RunsApiError {
  return RunsApiError.beforeSend(formatPath([...path, keys[0] ?? '']), `Unrecognized request argument supplied: ${keys.join(', ')}.`);
}
