import * as z from 'zod';

type Issue = z.core.$ZodIssue;

function depth(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((issue) => issue.path.length));
}

/**
 * A failed union reports every branch's issues under one `invalid_union`. Keep instead the branch
 * that got furthest into the value, with paths from the root, so the message says
 * `data[3].tool_choice.function.name` rather than `data[3].tool_choice`.
 */
export function flattenIssues(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue): Issue[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const deepest = issue.errors.reduce((best, branch) => (depth(branch) > depth(best) ? branch : best));
      if (depth(deepest) > 0) return flattenIssues(deepest, path);
    }
    return [{ ...issue, path }];
  });
}

/** `data[3].status` style, `(root)` for the value itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.length ? z.core.toDotPath(path) : '(root)';
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A short, one-line rendering of a value for an error message. */
export function snippet(value: unknown, max = 80): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One line per issue: where, what the schema wanted, and what was there. */
export function describeIssues(issues: readonly Issue[], payload: unknown): string {
  return issues
    .map((issue) => `  - ${formatPath(issue.path)}: ${issue.message}; got ${snippet(valueAt(payload, issue.path))}`)
    .join('\n');
}
