// Browsers call the emulator straight from Storybook or a dev server on another origin, with
// the SDK's own headers, so every answer carries CORS headers and preflights always succeed.

const allowedHeaders = [
  'authorization',
  'content-type',
  'openai-beta',
  'openai-organization',
  'openai-project',
  'idempotency-key',
  'x-stainless-arch',
  'x-stainless-async',
  'x-stainless-custom-poll-interval',
  'x-stainless-helper',
  'x-stainless-helper-method',
  'x-stainless-lang',
  'x-stainless-os',
  'x-stainless-package-version',
  'x-stainless-poll-helper',
  'x-stainless-retry-count',
  'x-stainless-runtime',
  'x-stainless-runtime-version',
  'x-stainless-timeout',
];

// retry-after(-ms): a 429 fault's, which the SDK reads to back off.
const exposedHeaders = ['openai-poll-after-ms', 'x-request-id', 'openai-version', 'openai-processing-ms', 'retry-after', 'retry-after-ms'];

/** Any origin: echoed when the request names one (so credentialed requests work too), else `*`. */
export function applyCors(request: Request, headers: Headers): void {
  const origin = request.headers.get('origin');
  headers.set('access-control-allow-origin', origin ?? '*');
  if (origin) {
    headers.set('access-control-allow-credentials', 'true');
    headers.append('vary', 'Origin');
  }
  headers.set('access-control-expose-headers', exposedHeaders.join(', '));
}

/** Answers an OPTIONS preflight: the SDK's headers plus whatever else the browser asks for. */
export function preflight(request: Request): Response {
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const headers = new Headers({
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    'access-control-allow-headers': [...new Set([...allowedHeaders, ...requested])].join(', '),
    'access-control-max-age': '86400',
  });
  return new Response(null, { status: 204, headers });
}
