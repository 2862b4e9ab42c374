import { checkBody, readJsonBody, type JsonObject } from './body.js';
import { errorResponse, isRefusal, refuse, type Refusal } from './errors.js';
import { forward } from './forward.js';
import { checkRequestHeaders, upstreamHeaders } from './headers.js';
import { checkItemReferences, checkOwnership, createdIdInEvent, createdIdInJson, createdKindOf, namedResources } from './ownership.js';
import { checkQuery, normaliseBasePath, parseTarget, targetOf, upstreamPathOf, type TargetArea } from './path.js';
import { createRateLimiter } from './rate-limit.js';
import { answerRunIndex } from './run-index-routes.js';
import { matchRoute, routesOf, runIndexRoutes, type ProxyBackend, type ProxyRoute } from './routes.js';
import { createMemoryProxyStore } from './store/memory.js';
import type { ProxyStore } from './store/types.js';

// createRunsProxy: a Fetch handler that forwards only the routes runlens uses to the upstream,
// with the server's key. Each request is judged in order (headers, path, route, query, body,
// authorize, rate, ownership) and refused at the first problem, before anything is forwarded.

/** What `authorize` is asked about: the request, what it does, and the ids it names (path and body). */
export interface AuthorizeContext {
  request: Request;
  /** The route's operation: `createRun`, `getResponse`, `listRuns` (run index), … */
  operation: string;
  threadId?: string;
  runId?: string;
  conversationId?: string;
  responseId?: string;
}

export type AuthorizeResult = { allow: true; user: string } | { allow: false; reason: string; status?: 401 | 403 };

export interface ProxyRequestEvent {
  request: Request;
  operation: string | null;
  user: string | null;
}

export interface ProxyResponseEvent extends ProxyRequestEvent {
  status: number;
  ms: number;
  error?: string;
}

export interface RunsProxyOptions {
  /** The real API: `baseURL` ends in `/v1` (e.g. `https://api.openai.com/v1`); `apiKey` is the server's key. */
  upstream: { baseURL: string; apiKey: string; headers?: Record<string, string> };
  /** Where the proxy is mounted: requests arrive at `{basePath}/v1/…`. @default '' */
  basePath?: string;
  backend: ProxyBackend;
  /** Who is asking, and may they? Without it every request is user `'anonymous'` and ownership is not enforced. */
  authorize?: (context: AuthorizeContext) => AuthorizeResult | Promise<AuthorizeResult>;
  /** Owners and the run index. @default createMemoryProxyStore() */
  store?: ProxyStore;
  limits?: {
    /** @default 1048576 (1 MiB) */
    maxBodyBytes?: number;
    /** For a request body, an answer, and between two events of a stream. @default 60000 */
    timeoutMs?: number;
    /** Per user. @default 600 */
    requestsPerMinute?: number;
  };
  onRequest?: (event: ProxyRequestEvent) => void;
  onResponse?: (event: ProxyResponseEvent) => void;
  /** The fetch used to reach the upstream. @default globalThis.fetch */
  fetch?: typeof fetch;
}

export type RunsProxy = (request: Request) => Promise<Response>;

/** A request judged fit to answer: its route, ids, body and user. */
interface Judged {
  area: TargetArea;
  route: ProxyRoute;
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: JsonObject | undefined;
  user: string;
}

function checkOptions(options: RunsProxyOptions): URL {
  if (options.backend !== 'assistants' && options.backend !== 'responses') {
    throw new TypeError(`createRunsProxy: backend must be 'assistants' or 'responses'; got ${JSON.stringify(options.backend)}.`);
  }
  if (typeof options.upstream?.apiKey !== 'string' || options.upstream.apiKey.trim() === '') {
    throw new TypeError('createRunsProxy: upstream.apiKey must be the server\'s API key (a non-empty string).');
  }
  for (const [name, value] of Object.entries(options.limits ?? {})) {
    if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw new TypeError(`createRunsProxy: limits.${name} must be a positive number; got ${JSON.stringify(value)}.`);
    }
  }
  try {
    return new URL(options.upstream.baseURL.replace(/\/+$/, ''));
  } catch {
    throw new TypeError('createRunsProxy: upstream.baseURL must be an absolute URL ending in /v1.');
  }
}

/** Ids for `authorize`, from the path and the body. */
function authorizeIds(params: Readonly<Record<string, string>>, area: TargetArea, body: JsonObject | undefined): Omit<AuthorizeContext, 'request' | 'operation'> {
  const conversation = typeof body?.conversation === 'string' ? body.conversation : (body?.conversation as JsonObject | undefined)?.id;
  const pick = (...values: unknown[]): string | undefined => values.find((value): value is string => typeof value === 'string');
  const ids = {
    threadId: pick(params.thread_id),
    runId: pick(params.run_id, area === 'run-index' ? body?.runId : undefined),
    conversationId: pick(params.conversation_id, area === 'run-index' ? body?.conversationId : conversation),
    responseId: pick(params.response_id, area === 'run-index' ? body?.responseId : body?.previous_response_id),
  };
  return Object.fromEntries(Object.entries(ids).filter(([, value]) => value !== undefined));
}

/**
 * A Fetch handler (`(request) => Promise<Response>`) that forwards runlens's routes to the upstream
 * with the server's key: mount it as a Next.js route handler, in Hono/Bun/Deno, or in Node through
 * `toNodeListener` from `runlens/proxy/node`.
 * @example
 * const proxy = createRunsProxy({ upstream: { baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY! }, backend: 'responses', basePath: '/api/openai' });
 * export const GET = proxy, POST = proxy;
 */
export function createRunsProxy(options: RunsProxyOptions): RunsProxy {
  const upstreamURL = checkOptions(options);
  const basePath = normaliseBasePath(options.basePath);
  const store = options.store ?? createMemoryProxyStore();
  const maxBodyBytes = options.limits?.maxBodyBytes ?? 1024 * 1024;
  const timeoutMs = options.limits?.timeoutMs ?? 60_000;
  const limiter = createRateLimiter(options.limits?.requestsPerMinute ?? 600);
  const upstreamFetch = options.fetch ?? globalThis.fetch;
  const upstreamBase = upstreamURL.href.replace(/\/+$/, '');
  const apiRoutes = routesOf(options.backend);
  const authorize = options.authorize;

  /** The request's route, ids, body and user; or the refusal that stops it. `seen` keeps what was learnt, for the hooks. */
  async function judge(request: Request, seen: { operation: string | null; user: string | null }): Promise<Judged | Refusal> {
    const headerProblem = checkRequestHeaders(request.headers);
    if (headerProblem) return headerProblem;
    const target = parseTarget(targetOf(request), basePath);
    if (isRefusal(target)) return target;
    const routes = target.area === 'api' ? apiRoutes : options.backend === 'responses' ? runIndexRoutes : [];
    const match = matchRoute(routes, request.method, target.segments);
    if (match.kind === 'none') return refuse(404, `This proxy does not forward ${request.method.slice(0, 16)} ${target.path.slice(0, 200)}.`);
    if (match.kind === 'method') {
      return refuse(405, `This proxy does not forward ${request.method.slice(0, 16)} here; it takes ${match.allow.join(', ')}.`, { headers: { allow: match.allow.join(', ') } });
    }
    const { route, params } = match;
    seen.operation = route.operation;
    const query = checkQuery(target.query, route.query);
    if (isRefusal(query)) return query;
    const body = await readJsonBody(request, route, { maxBytes: maxBodyBytes, timeoutMs });
    if (isRefusal(body)) return body;
    const bodyProblem = checkBody(route.operation, body);
    if (bodyProblem) return bodyProblem;

    let user = 'anonymous';
    if (authorize) {
      let verdict: AuthorizeResult;
      try {
        verdict = await authorize({ request, operation: route.operation, ...authorizeIds(params, target.area, body) });
      } catch {
        return refuse(500, 'The proxy could not authorize this request.', { code: 'authorize_failed' });
      }
      if (!verdict.allow) return refuse(verdict.status ?? 403, verdict.reason, { code: verdict.status === 401 ? 'unauthorized' : 'forbidden' });
      user = verdict.user;
    }
    seen.user = user;
    const wait = limiter.take(user);
    if (wait > 0) return refuse(429, `Too many requests for this user; try again in ${wait} s.`, { code: 'rate_limit_exceeded', headers: { 'retry-after': String(wait) } });
    if (authorize) {
      const notOwned = checkItemReferences(route.operation, body) ?? (await checkOwnership(store, user, namedResources(target.area, params, body)));
      if (notOwned) return notOwned;
    }
    return { area: target.area, route, params, query, body, user };
  }

  function forwardJudged(request: Request, judged: Judged, done: (status: number, error?: string) => void): Promise<Response> {
    const kind = authorize ? createdKindOf(judged.route.operation) : null;
    const search = judged.query.toString();
    const url = `${upstreamBase}${upstreamPathOf(judged.route.pattern.split('/').slice(1).map((part) => (part.startsWith('{') ? judged.params[part.slice(1, -1)]! : part)))}${search ? `?${search}` : ''}`;
    const body = judged.body === undefined ? undefined : JSON.stringify(judged.body);
    let recordError: string | undefined;
    return forward(
      { url, method: judged.route.method, headers: upstreamHeaders(request.headers, options.upstream, options.backend, body !== undefined), body, clientSignal: request.signal },
      {
        fetch: upstreamFetch,
        timeoutMs,
        apiKey: options.upstream.apiKey,
        upstreamHost: upstreamURL.host,
        ...(kind && { findInJson: (answer: unknown) => createdIdInJson(kind, answer), findInEvent: (event: string | undefined, data: unknown) => createdIdInEvent(kind, event, data) }),
        onCreated: async (id) => {
          if (!kind) return;
          await store.recordOwner(kind, id, judged.user).catch((error: unknown) => {
            recordError = `could not record the owner of ${kind} ${id}: ${(error as Error).message}`;
          });
        },
        onDone: (status, error) => done(status, error ?? recordError),
      },
    );
  }

  return async function runsProxy(request: Request): Promise<Response> {
    const started = performance.now();
    const seen: { operation: string | null; user: string | null } = { operation: null, user: null };
    const done = (status: number, error?: string): void => {
      try {
        options.onResponse?.({ request, ...seen, status, ms: performance.now() - started, ...(error !== undefined && { error }) });
      } catch {
        // A logging hook that throws must not break the answer.
      }
    };
    let judged: Judged | Refusal;
    try {
      judged = await judge(request, seen);
    } catch {
      judged = refuse(500, 'The proxy could not check this request.');
    }
    try {
      options.onRequest?.({ request, ...seen });
    } catch {
      // As above.
    }
    if (isRefusal(judged)) {
      done(judged.status, judged.message);
      return errorResponse({ ...judged, ...(judged.status >= 500 && { type: 'proxy_error' }) });
    }
    if (judged.area === 'run-index') {
      const answer = await answerRunIndex(store.runIndex, judged.route.operation, judged.params, judged.query, judged.body);
      done(answer.status, answer.ok ? undefined : 'run index refused');
      return answer;
    }
    try {
      return await forwardJudged(request, judged, done);
    } catch {
      done(500, 'the proxy failed while forwarding');
      return errorResponse({ status: 500, message: 'The proxy failed to forward this request.', type: 'proxy_error' });
    }
  }
}
