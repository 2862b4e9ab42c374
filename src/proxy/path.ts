import { quote, refuse, type Refusal } from './errors.js';
import type { QueryParam } from './routes.js';

// The request target, decoded and normalised once. Whatever would mean something else on a second
// decode (`%252f`), or after a server's own normalisation (`..`, `%2e%2e`, `\`, `//`, `thread.`),
// is refused rather than cleaned up: the proxy forwards only paths it rebuilt from plain ids.

/** One path segment after decoding: an id or a literal (`thread_abc`, `submit_tool_outputs`, `run-index`). */
const PLAIN_SEGMENT = /^[A-Za-z0-9_-]{1,256}$/;

// The raw request-target as it came off the wire, when an adapter knows it (a Fetch `Request` has
// already resolved `..` and `\` in its URL, hiding them). Set by `toNodeListener`.
const rawTargets = new WeakMap<Request, string>();

/** Keeps the request-target line as received, for the proxy to judge rather than its normalised URL. */
export function rememberRawTarget(request: Request, target: string): void {
  rawTargets.set(request, target);
}

export type TargetArea = 'api' | 'run-index';

export interface ParsedTarget {
  area: TargetArea;
  /** Decoded segments below `/v1` or `/runlens/run-index`. */
  segments: string[];
  query: URLSearchParams;
  /** The path as the client wrote it (for messages). */
  path: string;
}

/** `basePath` as a prefix: '' or '/api/openai' (no trailing slash). */
export function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? '').replace(/\/+$/, '');
  if (trimmed !== '' && !/^(\/[A-Za-z0-9._~-]+)+$/.test(trimmed)) {
    throw new TypeError(`createRunsProxy: basePath ${JSON.stringify(basePath)} must be a plain path such as '/api/openai'.`);
  }
  return trimmed;
}

/** The request-target to judge: the raw one when known, else the URL's path and query. */
export function targetOf(request: Request): string {
  const raw = rawTargets.get(request);
  if (raw !== undefined) return raw;
  const url = new URL(request.url);
  return url.pathname + url.search;
}

const notFound = (path: string): Refusal => refuse(404, `This proxy does not forward ${quote(path)}.`);
const refused = (path: string, why: string): Refusal => refuse(400, `The path ${quote(path)} is refused: ${why}.`);

/** Splits and checks a request-target; a refusal says why, without forwarding anything. */
export function parseTarget(target: string, basePath: string): ParsedTarget | Refusal {
  if (!target.startsWith('/') || target.startsWith('//')) {
    return refuse(400, `The request target ${quote(target)} is refused: send a path, not an absolute URL.`);
  }
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const rawQuery = queryAt === -1 ? '' : target.slice(queryAt + 1);
  if (/[^\x21-\x7e]/.test(target)) return refused(path, 'it holds spaces or control characters');
  if (path.includes('\\')) return refused(path, 'it holds a backslash');
  if (path.includes('//')) return refused(path, 'it holds an empty segment (//)');
  if (path.includes('#')) return refused(path, 'it holds a fragment');

  let rest: string;
  if (basePath === '' || path === basePath || path.startsWith(`${basePath}/`)) rest = path.slice(basePath.length);
  else return notFound(path);

  const segments: string[] = [];
  for (const raw of rest.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return refused(path, 'it holds a malformed percent-encoding');
    }
    if (decoded === '.' || decoded === '..' || /^\.+$/.test(decoded)) return refused(path, 'it holds a dot segment');
    if (decoded.includes('%')) return refused(path, 'it changes meaning when decoded twice');
    if (decoded.includes('/') || decoded.includes('\\')) return refused(path, 'it holds an encoded slash');
    if (decoded.endsWith('.')) return refused(path, 'a segment ends in a dot');
    if (!PLAIN_SEGMENT.test(decoded)) return notFound(path);
    segments.push(decoded);
  }
  let query: URLSearchParams;
  try {
    query = new URLSearchParams(rawQuery);
    for (const [key, value] of query) decodeURIComponent(key + value);
  } catch {
    return refuse(400, 'The query string holds a malformed percent-encoding.');
  }
  if (segments[0] === 'v1') return { area: 'api', segments: segments.slice(1), query, path };
  if (segments[0] === 'runlens' && segments[1] === 'run-index') return { area: 'run-index', segments: segments.slice(2), query, path };
  return notFound(path);
}

const ID_VALUE = /^[A-Za-z0-9_-]{1,256}$/;
const INCLUDE_VALUE = /^[A-Za-z0-9_.[\]*]{1,128}$/;

const queryChecks: Record<QueryParam, (value: string) => boolean> = {
  limit: (value) => /^\d{1,3}$/.test(value),
  order: (value) => value === 'asc' || value === 'desc',
  after: (value) => ID_VALUE.test(value),
  before: (value) => ID_VALUE.test(value),
  'include[]': (value) => INCLUDE_VALUE.test(value),
  stream: (value) => value === 'true' || value === 'false',
  starting_after: (value) => /^\d{1,9}$/.test(value),
  include_obfuscation: (value) => value === 'true' || value === 'false',
};

/**
 * The query to forward, rebuilt from the parameters the route takes, each value checked; anything
 * else is refused (400, `param` naming it), so no path or parameter rides along in a query string.
 */
export function checkQuery(query: URLSearchParams, allowed: readonly QueryParam[] = []): URLSearchParams | Refusal {
  const forwarded = new URLSearchParams();
  for (const [key, value] of query) {
    const name = key as QueryParam;
    if (!allowed.includes(name)) return refuse(400, `Unrecognized query parameter ${quote(key, 40)}.`, { param: key.slice(0, 40) });
    if (name !== 'include[]' && forwarded.has(name)) return refuse(400, `The query parameter ${name} is given more than once.`, { param: name });
    if (!queryChecks[name](value)) return refuse(400, `Invalid value for query parameter ${name}: ${quote(value, 60)}.`, { param: name });
    forwarded.append(name, value);
  }
  return forwarded;
}

/** The upstream path below its `/v1`, rebuilt from the checked segments. */
export const upstreamPathOf = (segments: readonly string[]): string => segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');
