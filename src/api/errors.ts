import type * as z from 'zod/mini';
import { describeIssues, flattenIssues, formatPath } from './issues.js';

export interface RunsApiErrorInit {
  /** HTTP status; `null` when the request was never sent or no response came back. */
  status: number | null;
  /** The API's error `type`, e.g. `invalid_request_error`; `connection_error` when unreachable. */
  type: string | null;
  code: string | null;
  /** The request field the error is about, e.g. `run_id` or `metadata`. */
  param: string | null;
  /** The `x-request-id` of the response, for support tickets and server logs. */
  requestId: string | null;
  /** What went wrong, in the backend's (or the check's) own words. */
  detail: string;
  /** How long the server asked to wait before trying again (`retry-after-ms` / `retry-after`), else null. */
  retryAfterMs?: number | null;
  cause?: unknown;
}

const RUNS_API_ERROR = Symbol.for('runlens.RunsApiError');
const RUNS_SCHEMA_ERROR = Symbol.for('runlens.RunsSchemaError');

/**
 * The one error a `RunsClient` call rejects with when the backend (or a check before sending)
 * says no. The message ends with what support needs:
 * `Cannot cancel run with status 'completed'. (400 invalid_request_error, param: run_id, request req_123)`.
 */
export class RunsApiError extends Error {
  override readonly name: string = 'RunsApiError';
  readonly status: number | null;
  readonly type: string | null;
  readonly code: string | null;
  readonly param: string | null;
  readonly requestId: string | null;
  /** The message without the bracketed context, for showing to a person. */
  readonly detail: string;
  /** How long the server asked to wait before trying again (a 429's or 503's `retry-after`), else null. */
  readonly retryAfterMs: number | null;
  readonly [RUNS_API_ERROR] = true;

  constructor(init: RunsApiErrorInit) {
    super(formatApiMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.type = init.type;
    this.code = init.code;
    this.param = init.param;
    this.requestId = init.requestId;
    this.detail = init.detail;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }

  /** True for a RunsApiError, also one from another copy of this package. */
  static is(error: unknown): error is RunsApiError {
    return typeof error === 'object' && error !== null && RUNS_API_ERROR in error;
  }

  /** A request that a check refused before it was sent. */
  static beforeSend(param: string, detail: string): RunsApiError {
    return new RunsApiError({
      status: null,
      type: 'invalid_request_error',
      code: null,
      param,
      requestId: null,
      detail: `${detail} Nothing was sent.`,
    });
  }

  /** The backend could not be reached, or a connection (e.g. an event stream) broke. */
  static connection(detail: string, options: { code?: string | null; cause?: unknown } = {}): RunsApiError {
    return new RunsApiError({
      status: null,
      type: 'connection_error',
      code: options.code ?? null,
      param: null,
      requestId: null,
      detail,
      cause: options.cause,
    });
  }
}

function formatApiMessage({ status, type, code, param, requestId, detail }: RunsApiErrorInit): string {
  const context = [
    [status, type].filter((part) => part !== null).join(' '),
    code === null ? '' : `code: ${code}`,
    param === null ? '' : `param: ${param}`,
    requestId === null ? '' : `request ${requestId}`,
  ].filter(Boolean);
  return context.length ? `${detail} (${context.join(', ')})` : detail;
}

/**
 * A response the backend sent that does not match the schema: the backend and this package
 * disagree about the API. Carries the operation, each issue's path and the value found there.
 */
export class RunsSchemaError extends Error {
  override readonly name: string = 'RunsSchemaError';
  /** The `RunsClient` method, e.g. `listRuns`. */
  readonly operation: string;
  /** zod issues, unions resolved to the branch that got furthest, paths from the payload root. */
  readonly issues: readonly z.core.$ZodIssue[];
  /** The payload as received (parsed JSON, or the text when it was not JSON). */
  readonly payload: unknown;
  /**
   * What to show a person: one sentence naming where the answer went wrong, without the
   * payload dump that `message` carries for developers.
   */
  readonly detail: string;
  readonly [RUNS_SCHEMA_ERROR] = true;

  constructor(operation: string, issues: readonly z.core.$ZodIssue[], payload: unknown) {
    const flat = flattenIssues(issues);
    super(`${operation}: the response does not match the runs API schema.\n${describeIssues(flat, payload)}`);
    this.operation = operation;
    this.issues = flat;
    this.payload = payload;
    const where = flat[0] ? ` (at ${formatPath(flat[0].path)})` : '';
    this.detail = `The server sent an answer runlens cannot read${where}. Try again; if it keeps happening, the server and runlens disagree about the API.`;
  }

  static is(error: unknown): error is RunsSchemaError {
    return typeof error === 'object' && error !== null && RUNS_SCHEMA_ERROR in error;
  }
}

/** What an `APIError` of openai 6 or 7 looks like; duck-typed, as the two versions' classes differ. */
interface SdkApiErrorLike extends Error {
  status: number | undefined;
  error: unknown;
  headers: { get(name: string): string | null } | undefined;
  requestID?: string | null | undefined;
  type?: unknown;
  code?: unknown;
  param?: unknown;
}

export function isSdkApiError(error: unknown): error is SdkApiErrorLike {
  return error instanceof Error && 'status' in error && 'headers' in error && 'error' in error;
}

// The SDK's APIUserAbortError keeps the name 'Error'; it is told apart by shape (no status, no body)
// and its fixed message, never by class name, which minifiers rename.
const SDK_ABORT_MESSAGE = 'Request was aborted.';

function isAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  if (typeof error !== 'object' || error === null) return false;
  if ((error as Error).name === 'AbortError') return true;
  return isSdkApiError(error) && error.status === undefined && error.error === undefined && error.message === SDK_ABORT_MESSAGE;
}

/** The server's wait hint: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date. */
function retryAfterMs(headers: SdkApiErrorLike['headers']): number | null {
  const ms = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

function stringOrNull(...values: unknown[]): string | null {
  const found = values.find((value) => typeof value === 'string' && value !== '');
  return typeof found === 'string' ? found : null;
}

/** `Connection error. ← fetch failed ← connect ECONNREFUSED 127.0.0.1:9` */
function causeChain(error: Error): string {
  const messages: string[] = [];
  for (let current: unknown = error; current instanceof Error && messages.length < 4; current = current.cause) {
    messages.push(current.message);
  }
  return messages.join(' ← ');
}

/**
 * Maps whatever a call to the SDK threw: an HTTP error becomes a RunsApiError with the body's
 * `type`/`code`/`param` and the `x-request-id`; a connection failure a RunsApiError with status
 * null; an abort a DOMException named `AbortError` (what TanStack Query and `fetch` callers expect).
 */
export function toRunsError(error: unknown, signal?: AbortSignal): Error {
  if (RunsApiError.is(error) || RunsSchemaError.is(error)) return error;
  if (isAbort(error, signal)) return new DOMException('The request was aborted.', 'AbortError');
  if (!isSdkApiError(error)) return error instanceof Error ? error : new Error(String(error));

  if (typeof error.status !== 'number') {
    return RunsApiError.connection(`Could not reach the runs backend: ${causeChain(error)}`, {
      code: /timed out/i.test(error.message) ? 'timeout' : null,
      cause: error,
    });
  }
  const body = (typeof error.error === 'object' && error.error !== null ? error.error : {}) as Record<string, unknown>;
  return new RunsApiError({
    status: error.status,
    type: stringOrNull(body['type'], error.type),
    code: stringOrNull(body['code'], error.code),
    param: stringOrNull(body['param'], error.param),
    requestId: stringOrNull(error.requestID, error.headers?.get('x-request-id')),
    // The SDK prefixes its message with the status; the body's own message reads better.
    detail: stringOrNull(body['message']) ?? error.message.replace(/^\d{3} /, ''),
    retryAfterMs: retryAfterMs(error.headers),
    cause: error,
  });
}

/** A status worth asking again for: connection errors (0), timeouts, conflicts, rate limits and 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 409 || status === 429 || status >= 500;
}

/** An error the next try may heal (the backend was unreachable or busy), as opposed to a refusal or a broken answer. */
export function isTransientError(error: unknown): boolean {
  return RunsApiError.is(error) && isRetryableStatus(error.status ?? 0) && error.type !== 'invalid_request_error';
}
