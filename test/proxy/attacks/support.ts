import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterAll, expect } from 'vitest';
import { createEmulator, createManualClock, demoIds, type Emulator, type ManualClock } from '../../../src/emulator';
import { createMemoryProxyStore, createRunsProxy, type ProxyStore } from '../../../src/proxy';
import { serveProxy } from '../../../src/proxy/node';

// The attack suite's bench: a seeded emulator behind a recording HTTP server (every request the
// proxy forwards is kept as it arrived: method, raw request target, raw headers, body), one proxy
// per backend in front of it, and clients that speak raw HTTP where fetch would tidy an attack away.
// Everything any client receives and every onRequest/onResponse event is kept too, so each file
// ends by scanning it all for the server key.

/** The server's key: it must never leave the proxy except towards the upstream. */
export const SERVER_KEY = 'sk-server-SECRET-7f3a9c';
/** Where the proxies are mounted, as a Next.js app would (`app/api/openai/[...path]/route.ts`). */
export const BASE_PATH = '/api/openai';
/** The user header the tests' `authorize` reads. */
export const USER_HEADER = 'x-test-user';

type ProxyOptions = Parameters<typeof createRunsProxy>[0];
type Authorize = NonNullable<ProxyOptions['authorize']>;
export type Limits = ProxyOptions['limits'];
export type Backend = ProxyOptions['backend'];

// ---------------------------------------------------------------------------------------------
// Everything seen, for the key scan.

const seen: string[] = [];
const reading = new Set<Promise<void>>();

function see(where: string, text: string): void {
  seen.push(`${where}\n${text}`);
}

/** `DEBUG_ATTACKS=1 npx vitest run test/proxy/attacks/…` prints each request and the proxy's answer (to check a test passes for the right reason). */
function debug(request: string, answer: { status: number; body: string }): void {
  if (process.env.DEBUG_ATTACKS) console.log(`[attack] ${request.slice(0, 160)} → ${answer.status} ${answer.body.slice(0, 200)}`);
}

/** Registers an afterAll that fails the file if the server key appears in anything collected. */
export function scanForKeyAfterAll(): void {
  afterAll(async () => {
    await Promise.all(reading);
    expect(seen.length, 'the scan saw nothing: the collectors are not wired').toBeGreaterThan(0);
    const leaks = seen
      .filter((text) => text.includes(SERVER_KEY))
      .map((text) => `${text.split('\n')[0]} … ${text.slice(Math.max(0, text.indexOf(SERVER_KEY) - 200), text.indexOf(SERVER_KEY) + 200)}`);
    expect(leaks, 'the server key appeared in what clients or log hooks received').toEqual([]);
  });
}

/** How many answers / events were collected (the key-leak file checks its collectors work). */
export const seenCount = (): number => seen.length;
/** Everything collected so far. */
export const seenTexts = (): readonly string[] => seen;

// ---------------------------------------------------------------------------------------------
// The recording upstream.

export interface RecordedRequest {
  method: string;
  /** The request target exactly as it arrived on the wire. */
  target: string;
  /** Raw header pairs, names as sent. */
  headers: [string, string][];
  body: string;
}

export interface RecordingUpstream {
  emulator: Emulator;
  clock: ManualClock;
  /** Base URL ending in /v1, for the proxy's `upstream.baseURL`. */
  baseURL: string;
  port: number;
  records: RecordedRequest[];
  /** A position in `records`; `since(mark)` is what arrived after it. */
  mark(): number;
  since(mark: number): RecordedRequest[];
  /** The SDK straight to the emulator in process (not through HTTP, so not recorded): test set-up and inspection. */
  direct: OpenAI;
  /** Requests whose answer has not ended yet (open streams included). */
  openRequests(): number;
  close(): Promise<void>;
}

export const headerValues = (record: RecordedRequest, name: string): string[] =>
  record.headers.filter(([key]) => key.toLowerCase() === name.toLowerCase()).map(([, value]) => value);

async function readBody(incoming: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function pipeAnswer(response: Response, outgoing: ServerResponse, extraHeaders: Record<string, string>): Promise<void> {
  outgoing.writeHead(response.status, { ...Object.fromEntries(response.headers), ...extraHeaders });
  if (!response.body) return void outgoing.end();
  outgoing.flushHeaders();
  const reader = response.body.getReader();
  outgoing.on('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      outgoing.write(value);
    }
  } catch {
    // the proxy went away mid-stream
  }
  outgoing.end();
}

/**
 * A seeded emulator (manual clock) served on 127.0.0.1 by a node:http server that records each
 * request before the emulator handles it. `extraResponseHeaders` are added to every answer, as a
 * real upstream sends identity headers and cookies the proxy must not pass back.
 */
export async function startRecordingUpstream(options: { extraResponseHeaders?: Record<string, string> } = {}): Promise<RecordingUpstream> {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const emulator = createEmulator({ clock, seed: true });
  const records: RecordedRequest[] = [];
  const extra = options.extraResponseHeaders ?? {};
  let port = 0;
  let open = 0;

  const server = createServer((incoming, outgoing) => {
    const controller = new AbortController();
    open += 1;
    outgoing.on('close', () => {
      open -= 1;
      controller.abort();
    });
    void (async () => {
      const body = await readBody(incoming);
      const headers: [string, string][] = [];
      for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) headers.push([incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '']);
      records.push({ method: incoming.method ?? '', target: incoming.url ?? '', headers, body: body.toString('utf8') });
      try {
        const request = new Request(new URL(incoming.url ?? '/', `http://127.0.0.1:${port}`), {
          method: incoming.method ?? 'GET',
          headers: headers.filter(([name]) => name.toLowerCase() !== 'host'),
          body: body.length && incoming.method !== 'GET' && incoming.method !== 'HEAD' ? new Uint8Array(body) : undefined,
          signal: controller.signal,
        });
        await pipeAnswer(await emulator.handle(request), outgoing, extra);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ error: { message: `recording upstream: ${String(error)}`, type: 'server_error', param: null, code: null } }));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    emulator,
    clock,
    baseURL: `http://127.0.0.1:${port}/v1`,
    port,
    records,
    mark: () => records.length,
    since: (mark) => records.slice(mark),
    direct: new OpenAI({ apiKey: 'sk-direct', baseURL: 'http://emulator.invalid/v1', fetch: emulator.fetch, maxRetries: 0 }),
    openRequests: () => open,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// The proxies.

/** Two users exist: whoever the test header names (lower-case letters); no header → 401. */
export const authorizeByHeader: Authorize = ({ request }) => {
  const user = request.headers.get(USER_HEADER);
  return user && /^[a-z]+$/.test(user) ? { allow: true, user } : { allow: false, reason: 'Sign in first.', status: 401 };
};

export interface ProxyEvent {
  kind: 'request' | 'response';
  method: string;
  url: string;
  headers: [string, string][];
  operation: string | null;
  user: string | null;
  status?: number;
  error?: string;
}

export interface ServedProxy {
  backend: Backend;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** The SDK's baseURL: origin + BASE_PATH + /v1. */
  baseURL: string;
  /** Every onRequest / onResponse event, flattened to plain data. */
  events: ProxyEvent[];
  /** The Fetch handler itself, for requests no Node parser would let through (as Bun or Deno might). */
  handler: (request: Request) => Promise<Response>;
  close(): Promise<void>;
}

export interface ProxyConfig {
  backend: Backend;
  limits?: Limits;
  /** Override the upstream URL (e.g. a closed port). */
  upstreamURL?: string;
  /** Owners and run index, shared when several proxies stand for one app. @default a fresh memory store */
  store?: ProxyStore;
}

function flatten(kind: ProxyEvent['kind'], event: { request: Request; operation: string | null; user: string | null; status?: number; error?: string }): ProxyEvent {
  return {
    kind,
    method: event.request.method,
    url: event.request.url,
    headers: [...event.request.headers],
    operation: event.operation,
    user: event.user,
    ...(event.status === undefined ? {} : { status: event.status }),
    ...(event.error === undefined ? {} : { error: event.error }),
  };
}

export async function startProxy(upstream: RecordingUpstream, config: ProxyConfig): Promise<ServedProxy> {
  const events: ProxyEvent[] = [];
  const log = (event: ProxyEvent): void => {
    events.push(event);
    // The whole event as the hook got it (String() of each field too), for the key scan.
    see(`on${event.kind} ${event.method} ${event.url}`, JSON.stringify(event));
  };
  const handler = createRunsProxy({
    upstream: { baseURL: config.upstreamURL ?? upstream.baseURL, apiKey: SERVER_KEY },
    basePath: BASE_PATH,
    backend: config.backend,
    // What authorize is handed is scanned too: the request must be the client's, not the upstream's.
    authorize: (context) => {
      see(`authorize ${context.operation}`, JSON.stringify({ ...context, request: { url: context.request.url, headers: [...context.request.headers] } }));
      return authorizeByHeader(context);
    },
    ...(config.limits ? { limits: config.limits } : {}),
    ...(config.store ? { store: config.store } : {}),
    onRequest: (event) => log(flatten('request', event)),
    onResponse: (event) => log(flatten('response', event)),
  });
  const served = await serveProxy(handler, { port: 0, host: '127.0.0.1' });
  const origin = new URL(served.url).origin;
  return {
    backend: config.backend,
    origin,
    port: Number(new URL(origin).port),
    baseURL: `${origin}${BASE_PATH}/v1`,
    events,
    handler,
    close: served.close,
  };
}

export interface AttackEnv {
  upstream: RecordingUpstream;
  /** The store both proxies share. */
  store: ProxyStore;
  assistants: ServedProxy;
  responses: ServedProxy;
  close(): Promise<void>;
}

/** One recording upstream and a proxy per backend in front of it. */
export async function startAttackEnv(options: { limits?: Limits; extraResponseHeaders?: Record<string, string> } = {}): Promise<AttackEnv> {
  const upstream = await startRecordingUpstream({ extraResponseHeaders: options.extraResponseHeaders });
  const store = createMemoryProxyStore();
  const assistants = await startProxy(upstream, { backend: 'assistants', limits: options.limits, store });
  const responses = await startProxy(upstream, { backend: 'responses', limits: options.limits, store });
  return {
    upstream,
    store,
    assistants,
    responses,
    close: async () => {
      await Promise.all([assistants.close(), responses.close()]);
      await Promise.all([upstream.close(), store.close()]);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Clients.

export interface Answer {
  status: number;
  /** Lower-case names; repeated headers joined with ', '. */
  headers: Record<string, string>;
  body: string;
}

/** fetch that keeps every answer (headers and body, SSE included) for the key scan. */
export const collectingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const head = `${response.status}\n${[...response.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`;
  const where = `fetch ${init?.method ?? 'GET'} ${String(input instanceof Request ? input.url : input)}`;
  const read = response
    .clone()
    .text()
    .then(
      (text) => see(where, `${head}\n\n${text}`),
      () => see(where, head),
    );
  reading.add(read);
  void read.finally(() => reading.delete(read));
  return response;
};

/** The official SDK through the proxy as `user`, carrying a browser-side dummy key the proxy must drop. */
export function sdkAs(proxy: ServedProxy, user: string | null, extraHeaders: Record<string, string> = {}): OpenAI {
  return new OpenAI({
    apiKey: 'sk-browser-dummy',
    baseURL: proxy.baseURL,
    maxRetries: 0,
    timeout: 30_000,
    fetch: collectingFetch,
    defaultHeaders: { ...(user ? { [USER_HEADER]: user } : {}), ...extraHeaders },
  });
}

/** A fetch to the proxy at `path` (under BASE_PATH + /v1 unless it starts with BASE_PATH or '/runlens'). */
export async function call(
  proxy: ServedProxy,
  method: string,
  path: string,
  options: { user?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const url = path.startsWith('http') ? path : `${proxy.origin}${BASE_PATH}${path.startsWith('/runlens') ? '' : '/v1'}${path}`;
  const user = options.user === undefined ? 'alice' : options.user;
  const headers: Record<string, string> = { ...(user ? { [USER_HEADER]: user } : {}), ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await collectingFetch(url, { method, headers, body });
  const text = await response.text();
  debug(`${method} ${url}`, { status: response.status, body: text });
  return { status: response.status, headers: Object.fromEntries(response.headers), body: text };
}

export interface RawRequest {
  method: string;
  /** The request target, byte for byte. */
  target: string;
  /** Header lines as sent (Host, Connection: close and the user header are added unless given). */
  headers?: [string, string][];
  user?: string | null;
  body?: string | Buffer;
}

/** Serialises a RawRequest to bytes, adding Host, the user header, Content-Length for a body and Connection: close. */
export function rawBytes(port: number, request: RawRequest): Buffer {
  const headers = [...(request.headers ?? [])];
  const has = (name: string): boolean => headers.some(([key]) => key.toLowerCase() === name);
  if (!has('host')) headers.unshift(['Host', `127.0.0.1:${port}`]);
  const user = request.user === undefined ? 'alice' : request.user;
  if (user && !has(USER_HEADER)) headers.push([USER_HEADER, user]);
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : request.body;
  if (body && !has('content-length') && !has('transfer-encoding')) headers.push(['Content-Length', String(body.length)]);
  if (!has('connection')) headers.push(['Connection', 'close']);
  const head = `${request.method} ${request.target} HTTP/1.1\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body ?? Buffer.alloc(0)]);
}

export interface RawAnswer extends Answer {
  /** Raw header pairs of the answer. */
  rawHeaders: [string, string][];
  /** Body bytes written before the answer's head arrived (drip-fed sends). */
  sentBeforeAnswer: number;
  /** Wall ms from the first byte sent to the answer complete. */
  ms: number;
}

function decodeChunked(data: Buffer): Buffer | null {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd === -1) return null;
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (Number.isNaN(size)) return null;
    if (size === 0) return data.indexOf('\r\n', lineEnd + 2) === -1 ? null : Buffer.concat(parts);
    if (data.length < lineEnd + 2 + size + 2) return null;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** The parsed answer once `data` holds all of it (or `closed`), else null. */
function parseAnswer(data: Buffer, noBody: boolean, closed: boolean): Omit<RawAnswer, 'sentBeforeAnswer' | 'ms'> | null {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd === -1) return closed ? { status: 0, headers: {}, rawHeaders: [], body: data.toString('utf8') } : null;
  const lines = data.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? 0);
  const rawHeaders = lines.slice(1).map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of rawHeaders) headers[name.toLowerCase()] = headers[name.toLowerCase()] ? `${headers[name.toLowerCase()]}, ${value}` : value;
  const rest = data.subarray(headEnd + 4);
  let body: Buffer | null;
  if (noBody || status === 204 || status === 304 || (status >= 100 && status < 200)) body = Buffer.alloc(0);
  else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) body = decodeChunked(rest) ?? (closed ? rest : null);
  else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    body = rest.length >= length ? rest.subarray(0, length) : closed ? rest : null;
  } else body = closed ? rest : null;
  return body === null ? null : { status, headers, rawHeaders, body: body.toString('utf8') };
}

/**
 * Sends bytes on a fresh TCP connection to the proxy and reads one answer. `drip` sends the body
 * afterwards one piece at a time, `intervalMs` apart (wall time: slowness is the point), until the
 * answer arrives. Write errors after the proxy has answered (it may close early) are expected.
 */
export function rawExchange(
  port: number,
  bytes: Buffer,
  options: { noBody?: boolean; drip?: { pieces: Buffer[]; intervalMs: number }; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let data = Buffer.alloc(0);
    let sent = 0;
    let headSeenAt: number | null = null;
    let done = false;
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => finish(true, new Error(`no complete answer within ${options.timeoutMs ?? 20_000} ms; got ${JSON.stringify(data.toString('latin1').slice(0, 300))}`)), options.timeoutMs ?? 20_000);

    function finish(closed: boolean, error?: Error): void {
      if (done) return;
      const parsed = parseAnswer(data, options.noBody ?? false, closed);
      if (!parsed && !error) return;
      done = true;
      clearTimeout(giveUp);
      clearTimeout(timer);
      socket.destroy();
      see(`raw ${bytes.subarray(0, 200).toString('latin1').split('\r\n')[0]}`, data.toString('utf8'));
      if (!parsed) return reject(error);
      resolve({ ...parsed, sentBeforeAnswer: headSeenAt ?? sent, ms: Date.now() - started });
    }

    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (headSeenAt === null && data.includes('\r\n\r\n')) headSeenAt = sent;
      finish(false);
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true, new Error(`connection closed with no answer (${data.length} bytes)`)));
    socket.write(bytes);
    const pieces = options.drip?.pieces ?? [];
    const drip = (i: number): void => {
      if (done || headSeenAt !== null || i >= pieces.length) return;
      const piece = pieces[i] as Buffer;
      socket.write(piece, () => {
        sent += piece.length;
      });
      timer = setTimeout(() => drip(i + 1), options.drip?.intervalMs ?? 100);
    };
    if (pieces.length) timer = setTimeout(() => drip(0), options.drip?.intervalMs ?? 100);
  });
}

/**
 * Several requests written at once on one keep-alive connection (HTTP/1.1 pipelining); the last
 * should carry `Connection: close`. Answers are split in order (each with Content-Length or chunked).
 */
export function rawPipeline(port: number, requests: Buffer[]): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const giveUp = setTimeout(() => socket.destroy(new Error('pipelined answers did not end within 20 s')), 20_000);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      clearTimeout(giveUp);
      const data = Buffer.concat(chunks);
      see('raw pipeline', data.toString('utf8'));
      const answers: Answer[] = [];
      let at = 0;
      while (at < data.length) {
        const headEnd = data.indexOf('\r\n\r\n', at);
        if (headEnd === -1) break;
        const head = data.subarray(at, headEnd).toString('latin1');
        const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
        let end: number;
        if (length !== undefined) end = headEnd + 4 + Number(length);
        else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
          const last = data.indexOf('\r\n0\r\n\r\n', headEnd + 2);
          end = last === -1 ? data.length : last + 7;
        } else end = data.length;
        const parsed = parseAnswer(data.subarray(at, end), false, true);
        if (parsed) answers.push({ status: parsed.status, headers: parsed.headers, body: parsed.body });
        at = end;
      }
      resolve(answers);
    });
    socket.write(Buffer.concat(requests));
  });
}

/** A raw request to the proxy. */
export async function raw(proxy: ServedProxy, request: RawRequest, options: { noBody?: boolean } = {}): Promise<RawAnswer> {
  const answer = await rawExchange(proxy.port, rawBytes(proxy.port, request), { noBody: options.noBody ?? request.method.toUpperCase() === 'HEAD' });
  debug(`raw ${request.method} ${request.target}`, answer);
  return answer;
}

/** Polls `condition` (every 10 ms of wall time) until it holds; fails after `timeoutMs`. A wait for state, not a sleep. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`still waiting after ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// ---------------------------------------------------------------------------------------------
// Assertions.

/** The API's error shape, `{ error: { message, type, param, code } }`, nothing else; returns the error. */
export function expectApiError(
  answer: Answer,
  status: number | readonly number[],
  expected: { param?: string | null; type?: string; message?: RegExp } = {},
): { message: string; type: string; param: string | null; code: string | null } {
  const statuses = typeof status === 'number' ? [status] : status;
  expect(statuses, `status ${answer.status}, body ${answer.body.slice(0, 300)}`).toContain(answer.status);
  expect(answer.headers['content-type'] ?? '', 'an error answer is JSON').toMatch(/^application\/json/);
  const parsed = JSON.parse(answer.body) as { error: { message: string; type: string; param: string | null; code: string | null } };
  expect(Object.keys(parsed)).toEqual(['error']);
  const { error } = parsed;
  expect(Object.keys(error).sort()).toEqual(['code', 'message', 'param', 'type']);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(typeof error.type).toBe('string');
  expect(error.param === null || typeof error.param === 'string').toBe(true);
  expect(error.code === null || typeof error.code === 'string').toBe(true);
  if (expected.param !== undefined) expect(error.param).toBe(expected.param);
  if (expected.type !== undefined) expect(error.type).toBe(expected.type);
  if (expected.message) expect(error.message).toMatch(expected.message);
  return error;
}

/**
 * Refused by Node's HTTP parser before the proxy saw anything (it answers a bare 400 / 431 with no
 * body), or by the proxy in the API's error shape: either way a 4xx.
 */
export function expectParserOrProxyRefusal(answer: Answer, statuses: readonly number[]): void {
  expect(statuses, `status ${answer.status}, body ${answer.body.slice(0, 300)}`).toContain(answer.status);
  if (answer.body.length) expectApiError(answer, statuses);
}

/** Nothing reached the upstream since `mark`. */
export function expectNothingForwarded(upstream: RecordingUpstream, mark: number): void {
  expect(
    upstream.since(mark).map((record) => `${record.method} ${record.target}`),
    'requests that reached the upstream',
  ).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Users' resources, created through the proxies so the proxy records their owners.

export interface UserResources {
  user: string;
  threadId: string;
  runId: string;
  conversationId: string;
  responseId: string;
}

/** `user` creates a thread with a finished run (Assistants) and a conversation with a response (Responses). */
export async function createResources(env: AttackEnv, user: string): Promise<UserResources> {
  const assistants = sdkAs(env.assistants, user);
  const run = await assistants.beta.threads.createAndRun({ assistant_id: demoIds.assistants.message });
  // The message scenario completes ~1.5 s of emulator time after creation.
  env.upstream.clock.advance(5_000);
  const responses = sdkAs(env.responses, user);
  const conversation = await responses.conversations.create({ metadata: { owner: user } });
  const response = await responses.responses.create({ model: 'gpt-4o', input: `Hello from ${user}`, conversation: conversation.id });
  return { user, threadId: run.thread_id, runId: run.id, conversationId: conversation.id, responseId: response.id };
}
