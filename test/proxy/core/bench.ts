import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { createEmulator, createManualClock, type Emulator, type ManualClock } from '../../../src/emulator';
import { serveEmulator } from '../../../src/emulator/node';
import { createMemoryProxyStore, createRunsProxy, type ProxyResponseEvent, type ProxyStore, type RunsProxyOptions } from '../../../src/proxy';
import { serveProxy } from '../../../src/proxy/node';

// The proxy core's bench: a seeded emulator on 127.0.0.1 (manual clock) whose handler records each
// request as it arrives (recording, not mocking), the proxy served over Node's http on another
// port in front of it, and the official SDK pointed at the proxy with a browser's dummy key.

export const SERVER_KEY = 'sk-server-key-5b7e21d0';
export const BROWSER_KEY = 'sk-browser-dummy';
export const BASE_PATH = '/api/openai';
export const USER_HEADER = 'x-user';

export interface Received {
  method: string;
  path: string;
  search: string;
  headers: Headers;
  /** Aborted when the proxy drops the upstream request. */
  signal: AbortSignal;
}

export interface ProxyBench {
  emulator: Emulator;
  clock: ManualClock;
  store: ProxyStore;
  /** What the emulator received, in order. */
  received: Received[];
  events: ProxyResponseEvent[];
  /** `http://127.0.0.1:<port>/api/openai`: where the proxy is mounted. */
  mountURL: string;
  /** The SDK's baseURL: mountURL + `/v1`. */
  baseURL: string;
  /** The official SDK through the proxy, as `user` (the `x-user` header), with the browser's dummy key. */
  sdk(user: string | null): OpenAI;
  /** The SDK straight to the emulator in process (set-up only: not through the proxy, not recorded). */
  direct: OpenAI;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Reads the user from the `x-user` header; none → 401. */
export const authorizeByHeader: NonNullable<RunsProxyOptions['authorize']> = ({ request }) => {
  const user = request.headers.get(USER_HEADER);
  return user ? { allow: true, user } : { allow: false, reason: 'Sign in first.', status: 401 };
};

export interface BenchOptions {
  backend: RunsProxyOptions['backend'];
  /** @default true: users from `x-user`, ownership enforced */
  authorize?: boolean;
  limits?: RunsProxyOptions['limits'];
  /** Another upstream (a closed port, a server that never answers). */
  upstreamURL?: string;
}

export async function startProxyBench(options: BenchOptions): Promise<ProxyBench> {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const emulator = createEmulator({ clock, seed: true });
  const received: Received[] = [];
  const recording: Emulator = {
    ...emulator,
    handle: (request) => {
      const url = new URL(request.url);
      received.push({ method: request.method, path: url.pathname, search: url.search, headers: new Headers(request.headers), signal: request.signal });
      return emulator.handle(request);
    },
  };
  const upstream = await serveEmulator(recording, { port: 0, host: '127.0.0.1' });
  closers.push(upstream.close);
  const store = createMemoryProxyStore();
  const events: ProxyResponseEvent[] = [];
  const proxy = createRunsProxy({
    upstream: { baseURL: options.upstreamURL ?? upstream.url, apiKey: SERVER_KEY },
    basePath: BASE_PATH,
    backend: options.backend,
    store,
    ...(options.authorize !== false && { authorize: authorizeByHeader }),
    ...(options.limits && { limits: options.limits }),
    onResponse: (event) => events.push(event),
  });
  const served = await serveProxy(proxy, { port: 0, host: '127.0.0.1' });
  closers.push(served.close);
  const mountURL = `${served.url}${BASE_PATH}`;
  return {
    emulator,
    clock,
    store,
    received,
    events,
    mountURL,
    baseURL: `${mountURL}/v1`,
    sdk: (user) =>
      new OpenAI({
        apiKey: BROWSER_KEY,
        baseURL: `${mountURL}/v1`,
        maxRetries: 0,
        defaultHeaders: { ...(user && { [USER_HEADER]: user }), cookie: 'session=browser-cookie', 'openai-organization': 'org-browser' },
      }),
    direct: new OpenAI({ apiKey: 'sk-direct', baseURL: 'http://emulator.invalid/v1', fetch: emulator.fetch, maxRetries: 0 }),
  };
}

/** A request to the proxy with fetch, as `user`. */
export async function call(
  bench: ProxyBench,
  method: string,
  path: string,
  options: { user?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: any }> {
  const user = options.user === undefined ? 'alice' : options.user;
  const headers: Record<string, string> = { ...(user && { [USER_HEADER]: user }), ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${bench.mountURL}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
}

/** Asserts the API's error shape and returns the error. */
export function apiErrorOf(answer: { json: any }): { message: string; type: string; param: string | null; code: string | null } {
  const error = answer.json?.error;
  if (!error || typeof error.message !== 'string' || typeof error.type !== 'string' || !('param' in error) || !('code' in error)) {
    throw new Error(`not the API's error shape: ${JSON.stringify(answer.json)}`);
  }
  return error;
}
