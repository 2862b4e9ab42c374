import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssistantsRunsClient } from '../../../src/backends/assistants/client';
import { demoIds } from '../../../src/emulator';
import { SERVER_KEY, USER_HEADER, apiErrorOf, call, startProxyBench, type ProxyBench } from './bench';

// What the proxy refuses or reports itself, over real HTTP: routes and methods outside the
// allowlist, method overrides, bodies (too large, chunked, slow, not JSON, over the limits), the
// rate limit, an upstream that is down or too slow, and a client that hangs up.

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

/** A raw request to the proxy with node:http, body written piece by piece (chunked, no Content-Length). */
function send(bench: ProxyBench, method: string, path: string, pieces: string[], options: { end?: boolean; headers?: Record<string, string> } = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${bench.mountURL}${path}`, { method, headers: { [USER_HEADER]: 'alice', 'content-type': 'application/json', ...options.headers } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    request.on('error', reject);
    for (const piece of pieces) request.write(piece);
    if (options.end !== false) request.end();
  });
}

async function threadOf(bench: ProxyBench, user: string): Promise<string> {
  const thread = await bench.direct.beta.threads.create();
  await bench.store.recordOwner('thread', thread.id, user);
  return thread.id;
}

/** A server that takes requests and never answers; and a port nothing listens on. */
async function silentUpstream(): Promise<string> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

describe('the proxy refuses before forwarding', () => {
  it('forwards only the allowlisted routes, with their exact methods, and no method overrides', async () => {
    const bench = await startProxyBench({ backend: 'responses' });
    const conversation = await bench.sdk('alice').conversations.create({});
    const before = bench.received.length;
    for (const path of ['/v1/files', '/v1/chat/completions', '/v1/threads/thread_x/runs', '/v1/vector_stores', '/v2/responses', '/runlens/other']) {
      const answer = await call(bench, 'POST', path, { body: {} });
      expect([path, answer.status]).toEqual([path, 404]);
      expect(apiErrorOf(answer).type).toBe('invalid_request_error');
    }
    const deleted = await call(bench, 'DELETE', `/v1/conversations/${conversation.id}`);
    expect(deleted.status).toBe(405);
    expect(deleted.headers.get('allow')).toBe('GET, POST');
    const override = await call(bench, 'POST', `/v1/conversations/${conversation.id}`, { body: { metadata: {} }, headers: { 'x-http-method-override': 'DELETE' } });
    expect(override.status).toBe(400);
    expect(apiErrorOf(override).message).toMatch(/x-http-method-override/);
    const query = await call(bench, 'GET', `/v1/conversations/${conversation.id}/items?limit=5&path=/v1/files`);
    expect([query.status, apiErrorOf(query).param]).toEqual([400, 'path']);
    const encoded = await call(bench, 'GET', `/v1/conversations/${conversation.id}%2Fitems`);
    expect(encoded.status).toBe(400);
    expect(bench.received.length).toBe(before);
  });

  it('refuses bodies that are too large (chunked too), too slow, not JSON, or over the client-side limits', async () => {
    const bench = await startProxyBench({ backend: 'assistants', limits: { maxBodyBytes: 2_000, timeoutMs: 400 } });
    const threadId = await threadOf(bench, 'alice');
    const runs = `/v1/threads/${threadId}/runs`;
    const filler = JSON.stringify({ assistant_id: demoIds.assistants.message, instructions: 'x'.repeat(600) });
    const chunked = await send(bench, 'POST', runs, [filler.slice(0, 300), filler.slice(300), ' '.repeat(800), ' '.repeat(800)]);
    expect(chunked.status).toBe(413);
    expect(chunked.body.error.message).toMatch(/larger than 2000 bytes/);
    // One piece, then nothing: the body deadline answers.
    const slow = await send(bench, 'POST', runs, ['{"assistant_id":'], { end: false });
    expect(slow.status).toBe(408);
    const text = await call(bench, 'POST', runs, { body: 'assistant_id=asst_1', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const broken = await call(bench, 'POST', runs, { body: '{"assistant_id": ' });
    expect([broken.status, apiErrorOf(broken).param]).toEqual([400, 'body']);
    const deep = await call(bench, 'POST', runs, { body: `{"assistant_id":"a","x":${'['.repeat(150)}${']'.repeat(150)}}` });
    expect([deep.status, apiErrorOf(deep).message]).toEqual([400, 'The request body nests deeper than 100 levels.']);

    // The official SDK sends what runlens's client would have refused; the proxy refuses it the same way.
    const sdk = bench.sdk('alice');
    const metadata = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
    await expect(sdk.beta.threads.runs.create(threadId, { assistant_id: demoIds.assistants.message, metadata })).rejects.toMatchObject({ status: 400, param: 'metadata' });
    await expect(sdk.beta.threads.runs.submitToolOutputs('run_x', { thread_id: threadId, tool_outputs: [] })).rejects.toMatchObject({ status: 400, param: 'tool_outputs' });
    expect(bench.received.length).toBe(0);
  });

  it('limits each user’s rate with a 429 and retry-after, other users unaffected', async () => {
    const bench = await startProxyBench({ backend: 'assistants', limits: { requestsPerMinute: 3 } });
    const threadId = await threadOf(bench, 'alice');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(bench, 'GET', `/v1/threads/${threadId}/runs`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(bench, 'GET', `/v1/threads/${threadId}/runs`);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(apiErrorOf(limited).code).toBe('rate_limit_exceeded');
    expect((await call(bench, 'GET', `/v1/threads/${threadId}/runs`, { user: 'bob' })).status).toBe(403);
  });

  it('in single-user mode (no authorize) forwards every allowed route as anonymous', async () => {
    const bench = await startProxyBench({ backend: 'assistants', authorize: false });
    const page = await createAssistantsRunsClient(bench.sdk(null)).listRuns(demoIds.threads.history, { limit: 3 });
    expect(page.data).toHaveLength(3);
    expect(bench.events.at(-1)).toMatchObject({ operation: 'listRuns', user: 'anonymous', status: 200 });
  });
});

describe('the proxy reports its own failures', () => {
  it('an upstream too slow is a 504 proxy_error, one down a 502, neither naming the upstream nor the key', async () => {
    const slow = await silentUpstream();
    const slowBench = await startProxyBench({ backend: 'responses', authorize: false, upstreamURL: slow, limits: { timeoutMs: 300 } });
    const downBench = await startProxyBench({ backend: 'responses', authorize: false, upstreamURL: await closedPort() });

    const timedOut = await call(slowBench, 'GET', '/v1/responses/resp_1');
    expect(timedOut.status).toBe(504);
    expect(apiErrorOf(timedOut)).toMatchObject({ type: 'proxy_error', message: 'The upstream did not answer in 300 ms.' });
    const down = await call(downBench, 'GET', '/v1/responses/resp_1');
    expect(down.status).toBe(502);
    expect(apiErrorOf(down)).toMatchObject({ type: 'proxy_error', message: 'The upstream could not be reached.' });
    const told = JSON.stringify([timedOut.json, down.json, slowBench.events, downBench.events]);
    expect(told).not.toContain('127.0.0.1');
    expect(told).not.toContain(SERVER_KEY);
    expect(downBench.events.at(-1)).toMatchObject({ status: 502, error: 'upstream unreachable' });
  });

  it('a client that hangs up mid-stream aborts the upstream request', async () => {
    const bench = await startProxyBench({ backend: 'assistants' });
    const threadId = await threadOf(bench, 'alice');
    const controller = new AbortController();
    const stream = createAssistantsRunsClient(bench.sdk('alice')).createRunStream(threadId, { assistant_id: demoIds.assistants.slow }, { signal: controller.signal });
    const first = await stream[Symbol.asyncIterator]().next();
    expect(first.value).toMatchObject({ event: 'thread.run.created' });
    const upstream = bench.received.at(-1)!;
    expect(upstream.signal.aborted).toBe(false);
    const aborted = new Promise<void>((resolve) => upstream.signal.addEventListener('abort', () => resolve(), { once: true }));
    controller.abort();
    await aborted;
    expect(upstream.signal.aborted).toBe(true);
  });
});

describe('the proxy’s stream timeout', () => {
  it('cuts a stream that goes quiet for timeoutMs and aborts its upstream request', async () => {
    const bench = await startProxyBench({ backend: 'assistants', limits: { timeoutMs: 300 } });
    const threadId = await threadOf(bench, 'alice');
    const events: string[] = [];
    // The slow run says it was created, then nothing: the manual clock does not move.
    const reading = (async () => {
      for await (const event of createAssistantsRunsClient(bench.sdk('alice')).createRunStream(threadId, { assistant_id: demoIds.assistants.slow })) events.push(event.event);
    })();
    await expect(reading).rejects.toMatchObject({ type: 'connection_error' });
    expect(events[0]).toBe('thread.run.created');
    expect(bench.received.at(-1)!.signal.aborted).toBe(true);
    expect(bench.events.at(-1)).toMatchObject({ operation: 'createRun', status: 200, error: 'the upstream sent nothing for 300 ms' });
  });
});
