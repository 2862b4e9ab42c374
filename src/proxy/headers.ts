import { refuse, type Refusal } from './errors.js';
import type { ProxyBackend } from './routes.js';

// Header hygiene both ways, by allowlist: only the headers the API needs go up (the client's
// Authorization, Cookie, OpenAI-Organization/-Project and hop-by-hop headers never do; the server's
// key is added), and only those the client needs come back (no Set-Cookie, no upstream identity).

/** Request headers passed from the client to the upstream; everything else is dropped. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'idempotency-key'] as const;

/** Response headers passed from the upstream to the client. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'x-request-id', 'openai-poll-after-ms', 'retry-after', 'retry-after-ms', 'cache-control'] as const;

/** Headers that ask a server to treat a request as another method: refused, never honoured. */
const METHOD_OVERRIDE_HEADERS = ['x-http-method-override', 'x-http-method', 'x-method-override'] as const;

/** Request headers larger than this in total (names and values) are refused with 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** A refusal for a method-override header or oversize headers, else null. */
export function checkRequestHeaders(headers: Headers): Refusal | null {
  const override = METHOD_OVERRIDE_HEADERS.find((name) => headers.has(name));
  if (override) return refuse(400, `The ${override} header is refused: this proxy takes each request's own method only.`);
  let bytes = 0;
  for (const [name, value] of headers) bytes += name.length + value.length + 4;
  if (bytes > MAX_HEADER_BYTES) return refuse(431, `The request headers are ${bytes} bytes; at most ${MAX_HEADER_BYTES} are accepted.`);
  return null;
}

export interface UpstreamIdentity {
  apiKey: string;
  headers?: Record<string, string>;
}

/** The headers sent upstream: the allowlisted client headers, the server's own, its key last (nothing overrides it). */
export function upstreamHeaders(client: Headers, upstream: UpstreamIdentity, backend: ProxyBackend, hasBody: boolean): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = client.get(name);
    if (value !== null) headers.set(name, value);
  }
  for (const [name, value] of Object.entries(upstream.headers ?? {})) headers.set(name, value);
  if (backend === 'assistants') headers.set('openai-beta', 'assistants=v2');
  if (hasBody) headers.set('content-type', 'application/json');
  headers.set('authorization', `Bearer ${upstream.apiKey}`);
  return headers;
}

/** The headers passed back to the client. */
export function clientHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  for (const name of FORWARDED_RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}
