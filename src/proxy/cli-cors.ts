// CORS for the CLI only: a page on another origin (a Vite dev server, say) calls the proxy from the
// browser. The core handler stays same-origin by design (an app mounts it beside its pages); the
// CLI wraps it, and only the origins named with --allow-origin get CORS headers or a preflight.

// What the browser may read from an answer: the request id for support, the server's poll pace.
const exposedHeaders = ['x-request-id', 'openai-poll-after-ms', 'retry-after'];

/** An origin as the browser sends it: scheme, host and port, nothing else. Throws a message for a person otherwise. */
export function parseAllowedOrigin(value: string): string {
  if (value === '*') throw new Error("--allow-origin must name one origin, e.g. http://localhost:5173, not '*': any site a visitor opens could spend the key");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--allow-origin must be an origin like http://localhost:5173, got '${value}'`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== value.replace(/\/$/, '')) {
    throw new Error(`--allow-origin must be an origin like http://localhost:5173 (scheme, host and port; no path), got '${value}'`);
  }
  return url.origin;
}

/**
 * Wraps a Fetch handler: a preflight from an allowed origin is answered here; every other request
 * goes to the handler, and its answer carries CORS headers only when the request came from an
 * allowed origin. With no origins, the handler is returned as it is.
 */
export function withCors(handler: (request: Request) => Promise<Response>, allowedOrigins: readonly string[]): (request: Request) => Promise<Response> {
  if (allowedOrigins.length === 0) return handler;
  const allowed = new Set(allowedOrigins);
  return async (request) => {
    const origin = request.headers.get('origin');
    const isAllowed = origin !== null && allowed.has(origin);
    if (isAllowed && request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
      return new Response(null, { status: 204, headers: preflightHeaders(request, origin) });
    }
    const response = await handler(request);
    // Answers vary by Origin from here on, so no cache may hand one origin's answer to another.
    const headers = new Headers(response.headers);
    headers.append('vary', 'Origin');
    if (isAllowed) {
      headers.set('access-control-allow-origin', origin);
      headers.set('access-control-expose-headers', exposedHeaders.join(', '));
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function preflightHeaders(request: Request, origin: string): Headers {
  // The SDK sends its own x-stainless-* headers and an Authorization the proxy drops: allow what is
  // asked for, since the proxy decides what reaches the upstream, not the browser.
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => /^[a-z0-9-]+$/.test(name));
  const headers = new Headers({
    'access-control-allow-origin': origin,
    // DELETE: the Responses run index's forget route.
    'access-control-allow-methods': 'GET, POST, DELETE',
    'access-control-max-age': '600',
    vary: 'Origin',
  });
  if (requested.length > 0) headers.set('access-control-allow-headers', [...new Set(requested)].join(', '));
  return headers;
}
