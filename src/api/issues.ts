import type * as z from 'zod/mini';

// zod/mini loads no locale, so an issue's own `message` is a bare "Invalid input". Messages are
// written here from the issue's fields instead: loading zod's English locale would change the
// app's own zod config, and carry text for checks runlens never uses.

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

/**
 * `data[3].status` style (as zod's `toDotPath` writes it), `(root)` for the value itself. Own code:
 * the pre-request checks of the hooks entry use it, and must not pull in zod.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (!path.length) return '(root)';
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      if (typeof key === 'symbol' || /[^\w$]/.test(key)) return `[${JSON.stringify(String(key))}]`;
      return i === 0 ? key : `.${key}`;
    })
    .join('');
}

export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
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

/** What kind of value `value` is, in the words of `invalid_type`'s `expected`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (Number.isNaN(value)) return 'NaN';
  return value === undefined ? 'nothing' : typeof value;
}

/** `"a"`, or `one of "a", "b"`. */
function oneOf(values: readonly unknown[]): string {
  return `${values.length > 1 ? 'one of ' : ''}${values.map((value) => snippet(value)).join(', ')}`;
}

/** The unit a length bound counts in; none for a number. */
const unitOf = (origin: string) => (origin === 'string' ? 'character' : origin === 'array' || origin === 'set' ? 'item' : '');

/** `2`, `1 item`, `64 characters`. */
function counted(limit: number | bigint, origin: string): string {
  const unit = unitOf(origin);
  return unit ? `${limit} ${unit}${limit === 1 ? '' : 's'}` : String(limit);
}

/**
 * What an issue asks for, as a person can act on it: `expected string, received number`,
 * `must be at most 2`, `unrecognized keys: stream`. `value` is what sits at the issue's path.
 */
export function issueMessage(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      // `nonoptional`: a key that must be present, even if its schema takes any value.
      if (issue.expected === 'nonoptional') return 'required';
      return `expected ${issue.expected === 'int' ? 'integer' : issue.expected}, received ${kindOf(value)}`;
    case 'invalid_value':
      return `expected ${oneOf(issue.values)}`;
    case 'too_small':
      if (issue.minimum === 1 && issue.inclusive !== false && unitOf(issue.origin)) return 'must not be empty';
      return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${counted(issue.minimum, issue.origin)}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${counted(issue.maximum, issue.origin)}`;
    case 'unrecognized_keys':
      return `unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'invalid_union': {
      // A discriminated union whose key matched no variant reports at that key, with the values it
      // knows; any other union, what each branch wanted of the value (deeper ones are flattened).
      if ('options' in issue && issue.options?.length) return `expected ${oneOf(issue.options)}`;
      const wanted = new Set(issue.errors.map(([first]) => (first ? issueMessage(first, value) : '')));
      wanted.delete('');
      return wanted.size ? [...wanted].join('; or ') : 'matches none of the allowed values';
    }
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    default:
      // `custom` carries its own message; the codes left (multipleOf, map/set/record keys) come
      // from checks runlens's schemas do not use.
      return issue.message;
  }
}

/** One line per issue: where, what the schema wanted, and what was there. */
export function describeIssues(issues: readonly Issue[], payload: unknown): string {
  return issues
    .map((issue) => {
      const value = valueAt(payload, issue.path);
      return `  - ${formatPath(issue.path)}: ${issueMessage(issue, value)}; got ${snippet(value)}`;
    })
    .join('\n');
}
