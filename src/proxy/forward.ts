import { errorResponse, proxyError } from './errors.js';
import { clientHeaders } from './headers.js';
import { scrubText } from './scrub.js';
import { tapEventStream } from './sse-tap.js';

// One request to the upstream and its answer back: a deadline on the answer (504), an unreachable
// upstream (502), the client's disconnect aborting the upstream request, JSON answers read whole
// (so a created id is recorded before the client sees it, and the key can be scrubbed), event
// streams passed through as they arrive. No message names the upstream or carries the key.

export interface ForwardRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  /** The client's request signal: its disconnect aborts the upstream request. */
  clientSignal: AbortSignal;
}

export interface ForwardContext {
  fetch: typeof fetch;
  timeoutMs: number;
  /** Never passed back to the client: the key (anywhere) and the upstream's host (in error answers). */
  apiKey: string;
  upstreamHost: string;
  /** Finds a created resource's id in a JSON answer or an SSE event; records its owner. */
  findInJson?: (answer: unknown) => string | undefined;
  findInEvent?: (event: string | undefined, data: unknown) => string | undefined;
  onCreated(id: string): Promise<void>;
  /** Called once, when the answer is complete (a stream: when it ends). */
  onDone(status: number, error?: string): void;
}

const seconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`);

export async function forward(request: ForwardRequest, context: ForwardContext): Promise<Response> {
  const upstream = new AbortController();
  const abortUpstream = (): void => upstream.abort();
  request.clientSignal.addEventListener('abort', abortUpstream, { once: true });
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    upstream.abort();
  }, context.timeoutMs);
  const settle = (): void => {
    clearTimeout(deadline);
    request.clientSignal.removeEventListener('abort', abortUpstream);
  };
  const fail = (response: Response, error: string): Response => {
    settle();
    context.onDone(response.status, error);
    return response;
  };
  const failure = (): Response =>
    timedOut
      ? fail(proxyError(504, `The upstream did not answer in ${seconds(context.timeoutMs)}.`), 'upstream timeout')
      : request.clientSignal.aborted
        ? fail(errorResponse({ status: 499, message: 'The client closed the request.', type: 'proxy_error' }), 'client closed the request')
        : fail(proxyError(502, 'The upstream could not be reached.'), 'upstream unreachable');

  let answer: Response;
  try {
    answer = await context.fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: upstream.signal,
      redirect: 'manual',
    });
  } catch {
    return failure();
  }
  if (answer.status >= 300 && answer.status < 400) {
    void answer.body?.cancel().catch(() => undefined);
    return fail(proxyError(502, 'The upstream answered with a redirect, which this proxy does not follow.'), 'upstream redirect');
  }
  const headers = clientHeaders(answer.headers);
  const contentType = answer.headers.get('content-type') ?? '';

  if (contentType.startsWith('text/event-stream') && answer.body) {
    // From here the deadline is per chunk (an idle timeout): a stream may rightly last long.
    clearTimeout(deadline);
    headers.set('cache-control', 'no-cache');
    headers.set('x-accel-buffering', 'no');
    const body = tapEventStream(answer.body, {
      findCreated: answer.ok ? (context.findInEvent ?? null) : null,
      onCreated: context.onCreated,
      idleMs: context.timeoutMs,
      secret: context.apiKey,
      abortUpstream,
      onEnd: (error) => {
        settle();
        context.onDone(answer.status, error);
      },
    });
    return new Response(body, { status: answer.status, headers });
  }

  let text: string;
  try {
    text = await answer.text();
  } catch {
    return failure();
  }
  settle();
  text = scrubText(text, answer.ok ? [context.apiKey] : [context.apiKey, context.upstreamHost]);
  const isJson = contentType.includes('json');
  if (!answer.ok && !isJson) {
    return fail(proxyError(502, `The upstream answered ${answer.status} without an API error.`), `upstream ${answer.status}`);
  }
  let error: string | undefined;
  if (answer.ok && isJson && context.findInJson) {
    try {
      const id = context.findInJson(JSON.parse(text));
      if (id !== undefined) await context.onCreated(id);
    } catch (cause) {
      error = `could not record the created resource: ${(cause as Error).message}`;
    }
  }
  context.onDone(answer.status, error ?? (answer.ok ? undefined : `upstream ${answer.status}`));
  const nullBody = answer.status === 204 || answer.status === 205 || answer.status === 304;
  return new Response(nullBody ? null : text, { status: answer.status, headers });
}
