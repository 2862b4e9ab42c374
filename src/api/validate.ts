import * as z from 'zod/mini';
import { checkMetadata, firstProblem, invalid, unrecognized } from './checks.js';
import type { RunsApiError } from './errors.js';
import { flattenIssues, issueMessage, valueAt } from './issues.js';
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
  if (issue.code === 'unrecognized_keys') return unrecognized(issue.path, issue.keys);
  return invalid(issue.path, issueMessage(issue, valueAt(value, issue.path.slice(root.length))));
}
