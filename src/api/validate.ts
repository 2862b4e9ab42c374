import * as z from 'zod/mini';
import type { ListRunStepsParams } from './client.js';
import { RunsApiError } from './errors.js';
import { flattenIssues, formatPath, issueMessage, snippet, valueAt } from './issues.js';
import {
  createRunParamsSchema,
  createThreadRunParamsSchema,
  runStepIncludeSchema,
  toolOutputSchema,
  updateRunParamsSchema,
} from './schemas/index.js';

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

export function checkRunStepInclude(include: unknown): RunsApiError | null {
  return include === undefined ? null : checkWithSchema(z.array(runStepIncludeSchema), include, ['include']);
}

/** At least one output, each call id once. */
export function checkToolOutputs(toolOutputs: unknown): RunsApiError | null {
  const shape = checkWithSchema(z.array(toolOutputSchema), toolOutputs, ['tool_outputs']);
  if (shape || !Array.isArray(toolOutputs)) return shape;
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

export function checkCreateRunParams(params: unknown): RunsApiError | null {
  const shape = checkWithSchema(createRunParamsSchema, params, []);
  if (shape) return shape;
  const { metadata, additional_messages } = params as z.infer<typeof createRunParamsSchema>;
  return firstProblem(
    checkMetadata(metadata),
    ...(additional_messages ?? []).map((message, i) =>
      checkMetadata(message.metadata, `additional_messages[${i}].metadata`),
    ),
  );
}

export function checkCreateThreadRunParams(params: unknown): RunsApiError | null {
  const shape = checkWithSchema(createThreadRunParamsSchema, params, []);
  if (shape) return shape;
  const { metadata, thread } = params as z.infer<typeof createThreadRunParamsSchema>;
  return firstProblem(
    checkMetadata(metadata),
    checkMetadata(thread?.metadata, 'thread.metadata'),
    ...(thread?.messages ?? []).map((message, i) => checkMetadata(message.metadata, `thread.messages[${i}].metadata`)),
  );
}

export function checkUpdateRunParams(params: unknown): RunsApiError | null {
  return (
    checkWithSchema(updateRunParamsSchema, params, []) ?? checkMetadata((params as { metadata: unknown }).metadata)
  );
}

/** The first schema issue as a RunsApiError whose `param` is its path, e.g. `tools[0].function`. */
function checkWithSchema(schema: z.ZodMiniType, value: unknown, root: PropertyKey[]): RunsApiError | null {
  const result = schema.safeParse(value);
  const issue = result.success ? undefined : flattenIssues(result.error.issues, root)[0];
  if (!issue) return null;
  if (issue.code === 'unrecognized_keys') {
    const param = formatPath([...issue.path, issue.keys[0] ?? '']);
    return RunsApiError.beforeSend(param, `Unrecognized request argument supplied: ${issue.keys.join(', ')}.`);
  }
  const param = issue.path.length ? formatPath(issue.path) : 'body';
  const found = valueAt(value, issue.path.slice(root.length));
  return RunsApiError.beforeSend(param, `Invalid ${param}: ${issueMessage(issue, found)}.`);
}
