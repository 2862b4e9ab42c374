import { EmulatorError } from '../errors.js';
import type { MalformedFault, RateLimitFault, SchemaFault, ServerErrorFault, TruncateFault } from './types.js';

// Answers and bodies a fault puts in place of the real ones, in the API's shapes.

const serverErrorMessages: Record<NonNullable<ServerErrorFault['status']>, string> = {
  500: 'The server had an error while processing your request. Sorry about that!',
  502: 'Bad gateway.',
  503: 'The server is overloaded or not ready yet.',
  504: 'Gateway timeout.',
};

function errorResponse(error: EmulatorError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(error.toBody()), { status: error.status, headers: { 'content-type': 'application/json', ...headers } });
}

/** `{ error: { message, type: "server_error", param: null, code: null } }` with the rule's status. */
export function serverErrorResponse(rule: ServerErrorFault): Response {
  const status = rule.status ?? 503;
  return errorResponse(new EmulatorError(status, serverErrorMessages[status], null, null, 'server_error'));
}

const waitWords = (ms: number): string => (ms < 1000 ? `${ms}ms` : `${Number((ms / 1000).toFixed(3))}s`);

/** A 429 as the API words it, with `retry-after` (whole seconds, at least 1) and `retry-after-ms`. */
export function rateLimitResponse(rule: RateLimitFault): Response {
  const ms = Math.round(rule.retryAfterMs ?? 1000);
  const message =
    `Rate limit reached for requests per min (RPM). Please try again in ${waitWords(ms)}. ` +
    'Visit https://platform.openai.com/account/rate-limits to learn more.';
  return errorResponse(new EmulatorError(429, message, null, 'rate_limit_exceeded', 'requests'), {
    'retry-after': String(Math.max(1, Math.ceil(ms / 1000))),
    'retry-after-ms': String(ms),
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Valid JSON, wrong shape: the change a client's schema check should catch first. */
export function breakShape(value: unknown): unknown {
  if (!isRecord(value)) return { unexpected: value };
  if (Array.isArray(value.data)) {
    const { data: _dropped, ...page } = value;
    return page;
  }
  if (typeof value.status === 'string') return { ...value, status: 200 };
  if (isRecord(value.error)) return { ...value, error: String(value.error.message ?? 'error') };
  if (typeof value.created_at === 'number') return { ...value, created_at: new Date(value.created_at * 1000).toISOString() };
  return { ...value, id: 0 };
}

/** JSON text that no longer parses: a doubled comma (or a stray brace when there is no comma). */
export const malformText = (text: string): string => (text.includes(',"') ? text.replace(',"', ',,"') : `{${text}`);

/** The JSON body rewritten by a payload fault. */
export function damageJson(rule: TruncateFault | MalformedFault | SchemaFault, text: string): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  if (rule.kind === 'malformed') return encoder.encode(malformText(text));
  if (rule.kind === 'schema') return encoder.encode(JSON.stringify(breakShape(JSON.parse(text))));
  const bytes = encoder.encode(text);
  return bytes.subarray(0, Math.min(bytes.byteLength - 1, Math.floor(bytes.byteLength * (rule.keep ?? 0.5))));
}

/** A new Response with `body` and the original's status and headers. */
export function withBody(response: Response, body: BodyInit | null): Response {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
