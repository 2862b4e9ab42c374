// Every answer the proxy writes itself, in the API's error shape, so the SDK and runlens's clients
// read a refusal exactly as they read the upstream's own errors. Messages never name the upstream.

/** A request id for the proxy's own answers, shaped like the API's, so a refusal can be found in logs. */
export function proxyRequestId(): string {
  return `req_${crypto.randomUUID().replaceAll('-', '')}`;
}

export interface ErrorAnswer {
  status: number;
  message: string;
  /** @default 'invalid_request_error' */
  type?: string;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
}

/** `{ error: { message, type, param, code } }` with its status and an `x-request-id`. */
export function errorResponse(answer: ErrorAnswer): Response {
  const body = {
    error: { message: answer.message, type: answer.type ?? 'invalid_request_error', param: answer.param ?? null, code: answer.code ?? null },
  };
  return Response.json(body, {
    status: answer.status,
    headers: { 'x-request-id': proxyRequestId(), 'cache-control': 'no-store', ...answer.headers },
  });
}

/** A failure on the proxy's side of the wire (upstream down, too slow): `type: 'proxy_error'`. */
export function proxyError(status: 502 | 504, message: string): Response {
  return errorResponse({ status, message, type: 'proxy_error' });
}

/** A refusal decided before anything was forwarded. */
export interface Refusal {
  status: number;
  message: string;
  param?: string | null;
  code?: string | null;
  headers?: Record<string, string>;
}

export const refuse = (status: number, message: string, extra: Omit<Refusal, 'status' | 'message'> = {}): Refusal => ({ status, message, ...extra });

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'status' in value && 'message' in value && !(value instanceof Response);

/** A short, printable quote of what a client sent, for messages (never the whole of a long input). */
export function quote(value: string, max = 120): string {
  const printable = value.replace(/[^\x20-\x7e]/g, '?');
  return JSON.stringify(printable.length > max ? `${printable.slice(0, max)}…` : printable);
}
