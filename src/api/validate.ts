import * as z from 'zod/mini';
import { checkMetadata, firstProblem } from './checks.js';
import { RunsApiError } from './errors.js';
import { flattenIssues, formatPath, issueMessage, valueAt } from './issues.js';
import { createRunParamsSchema, createThreadRunParamsSchema } from './schemas/index.js';

// The create calls' bodies, checked against their zod schemas before a request is sent (the
// small bodies have hand-written checks in checks.ts). Only the Assistants backend calls these.

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
