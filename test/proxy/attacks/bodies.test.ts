import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_PATH as P,
  call,
  createResources,
  expectApiError,
  expectNothingForwarded,
  raw,
  rawBytes,
  rawExchange,
  scanForKeyAfterAll,
  startAttackEnv,
  type AttackEnv,
  type ServedProxy,
  type UserResources,
} from './support';

// Body attacks: too big (declared, undeclared with chunked encoding, or lied about), too slow,
// not JSON, or JSON that breaks the API's limits. Each is refused by the proxy in the API's error
// shape and never forwarded. Small limits here so the tests stay quick: 64 KiB, 2 s.

const MAX_BODY = 64 * 1024;
const TIMEOUT_MS = 2_000;

let env: AttackEnv;
let alice: UserResources;

beforeAll(async () => {
  env = await startAttackEnv({ limits: { maxBodyBytes: MAX_BODY, timeoutMs: TIMEOUT_MS } });
  alice = await createResources(env, 'alice');
}, 60_000);

afterAll(() => env.close());
scanForKeyAfterAll();

/** A createThreadRun body of exactly `bytes` bytes (padded in `instructions`). */
function bodyOfSize(bytes: number): Buffer {
  const empty = JSON.stringify({ assistant_id: 'asst_demo_message', instructions: '' });
  return Buffer.from(JSON.stringify({ assistant_id: 'asst_demo_message', instructions: 'x'.repeat(bytes - empty.length) }));
}

function chunked(body: Buffer, pieceBytes: number): Buffer[] {
  const pieces: Buffer[] = [];
  for (let at = 0; at < body.length; at += pieceBytes) {
    const piece = body.subarray(at, at + pieceBytes);
    pieces.push(Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]));
  }
  pieces.push(Buffer.from('0\r\n\r\n'));
  return pieces;
}

describe('size', () => {
  it('a body one byte over the limit, declared → 413, nothing forwarded', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.assistants, { method: 'POST', target: `${P}/v1/threads/runs`, headers: [['Content-Type', 'application/json']], body: bodyOfSize(MAX_BODY + 1) });
    expectApiError(answer, 413);
    expectNothingForwarded(env.upstream, mark);
  });

  it('a Responses create one byte over the limit → 413, nothing forwarded', async () => {
    const mark = env.upstream.mark();
    const body = JSON.stringify({ model: 'gpt-4o', input: '' });
    const padded = JSON.stringify({ model: 'gpt-4o', input: 'y'.repeat(MAX_BODY + 1 - body.length) });
    const answer = await call(env.responses, 'POST', '/responses', { body: padded });
    expectApiError(answer, 413);
    expectNothingForwarded(env.upstream, mark);
  });

  it('a chunked body with no Content-Length that grows past the limit → 413, nothing forwarded', async () => {
    const mark = env.upstream.mark();
    const head = rawBytes(env.assistants.port, {
      method: 'POST',
      target: `${P}/v1/threads/runs`,
      headers: [
        ['Content-Type', 'application/json'],
        ['Transfer-Encoding', 'chunked'],
      ],
    });
    const answer = await rawExchange(env.assistants.port, head, { drip: { pieces: chunked(bodyOfSize(4 * MAX_BODY), 8 * 1024), intervalMs: 5 } });
    expectApiError(answer, 413);
    expectNothingForwarded(env.upstream, mark);
  });

  it('a Content-Length of 10 GB is refused at once, without waiting for the body', async () => {
    const mark = env.upstream.mark();
    const head = rawBytes(env.assistants.port, {
      method: 'POST',
      target: `${P}/v1/threads/runs`,
      headers: [
        ['Content-Type', 'application/json'],
        ['Content-Length', '10000000000'],
      ],
    });
    const answer = await rawExchange(env.assistants.port, Buffer.concat([head, Buffer.from('{"assistant_id":')]));
    expectApiError(answer, 413);
    expect(answer.ms).toBeLessThan(TIMEOUT_MS);
    expectNothingForwarded(env.upstream, mark);
  });

  it('the control: a body just under the limit is forwarded whole', async () => {
    const mark = env.upstream.mark();
    const body = bodyOfSize(MAX_BODY - 16);
    const answer = await raw(env.assistants, { method: 'POST', target: `${P}/v1/threads/runs`, headers: [['Content-Type', 'application/json']], body });
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
    const forwarded = env.upstream.since(mark);
    expect(forwarded.map((record) => `${record.method} ${record.target}`)).toEqual(['POST /v1/threads/runs']);
    expect(JSON.parse(forwarded[0]!.body)).toEqual(JSON.parse(body.toString()));
    env.upstream.clock.advance(5_000);
  });
});

describe('slowness (wall time is the point here)', () => {
  // 300 bytes, one every 100 ms: 30 s to send. The proxy gives up after its 2 s timeout.
  const body = bodyOfSize(300);
  const bytes = [...body].map((byte) => Buffer.from([byte]));

  it('a drip-fed body with a Content-Length → 408 (or the proxy’s timeout) long before it ends; nothing forwarded', async () => {
    const mark = env.upstream.mark();
    const head = rawBytes(env.assistants.port, {
      method: 'POST',
      target: `${P}/v1/threads/runs`,
      headers: [
        ['Content-Type', 'application/json'],
        ['Content-Length', String(body.length)],
      ],
    });
    const answer = await rawExchange(env.assistants.port, head, { drip: { pieces: bytes, intervalMs: 100 }, timeoutMs: 15_000 });
    expectApiError(answer, [408, 504]);
    expect(answer.sentBeforeAnswer).toBeLessThan(body.length);
    expect(answer.ms).toBeLessThan(TIMEOUT_MS + 5_000);
    expectNothingForwarded(env.upstream, mark);
  }, 20_000);

  it('a drip-fed chunked body → 408 (or the proxy’s timeout); nothing forwarded', async () => {
    const mark = env.upstream.mark();
    const head = rawBytes(env.responses.port, {
      method: 'POST',
      target: `${P}/v1/conversations`,
      headers: [
        ['Content-Type', 'application/json'],
        ['Transfer-Encoding', 'chunked'],
      ],
    });
    const pieces = chunked(Buffer.from(JSON.stringify({ metadata: { note: 'z'.repeat(280) } })), 1);
    const answer = await rawExchange(env.responses.port, head, { drip: { pieces, intervalMs: 100 }, timeoutMs: 15_000 });
    expectApiError(answer, [408, 504]);
    expect(answer.ms).toBeLessThan(TIMEOUT_MS + 5_000);
    expectNothingForwarded(env.upstream, mark);
  }, 20_000);
});

describe('not JSON', () => {
  const createRun = JSON.stringify({ assistant_id: 'asst_demo_message' });

  it.each([
    ['truncated JSON', 'application/json', '{"assistant_id": "asst_demo_message"', [400]],
    ['JSON sent as text/plain (a CORS "simple" request)', 'text/plain', createRun, [400, 415]],
    ['a urlencoded form', 'application/x-www-form-urlencoded', 'assistant_id=asst_demo_message', [400, 415]],
    ['multipart form data', 'multipart/form-data; boundary=xyz', '--xyz\r\nContent-Disposition: form-data; name="assistant_id"\r\n\r\nasst_demo_message\r\n--xyz--\r\n', [400, 415]],
    ['no Content-Type at all', null, createRun, [400, 415]],
    ['a JSON array', 'application/json', '[{"assistant_id":"asst_demo_message"}]', [400]],
    ['a JSON string', 'application/json', '"asst_demo_message"', [400]],
    ['JSON null', 'application/json', 'null', [400]],
    ['two JSON documents', 'application/json', `${createRun}${createRun}`, [400]],
  ] as [string, string | null, string, number[]][])('%s → refused, nothing forwarded', async (_name, contentType, body, statuses) => {
    for (const [proxy, target] of [
      [env.assistants, `${P}/v1/threads/runs`],
      [env.responses, `${P}/v1/conversations`],
    ] as [ServedProxy, string][]) {
      const mark = env.upstream.mark();
      const answer = await raw(proxy, { method: 'POST', target, headers: contentType ? [['Content-Type', contentType]] : [], body });
      expectApiError(answer, statuses);
      expectNothingForwarded(env.upstream, mark);
    }
  });

  it('a gzip-encoded body (a decompression bomb in waiting) is refused, not forwarded', async () => {
    const mark = env.upstream.mark();
    const seventeen = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
    const answer = await raw(env.responses, {
      method: 'POST',
      target: `${P}/v1/conversations`,
      headers: [
        ['Content-Type', 'application/json'],
        ['Content-Encoding', 'gzip'],
      ],
      body: gzipSync(JSON.stringify({ metadata: seventeen, pad: 'x'.repeat(4 * MAX_BODY) })),
    });
    expectApiError(answer, [400, 413, 415]);
    expectNothingForwarded(env.upstream, mark);
  });

  it('JSON nested 30 000 deep is refused, not forwarded, and the proxy carries on', async () => {
    const mark = env.upstream.mark();
    const deep = `{"metadata":{"a":"b"},"x":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    const answer = await raw(env.responses, { method: 'POST', target: `${P}/v1/conversations`, headers: [['Content-Type', 'application/json']], body: deep });
    expectNothingForwarded(env.upstream, mark);
    // A malformed request is the client's fault: 400, not a 500 from the proxy.
    expectApiError(answer, [400, 413]);
    expect((await call(env.responses, 'GET', `/conversations/${alice.conversationId}`)).status).toBe(200);
  });

  it('a body on a GET is not forwarded', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.assistants, {
      method: 'GET',
      target: `${P}/v1/threads/${alice.threadId}/runs`,
      headers: [['Content-Type', 'application/json']],
      body: '{"smuggled":"body"}',
    });
    const forwarded = env.upstream.since(mark);
    if (forwarded.length === 0) expectApiError(answer, [400]);
    else expect(forwarded.map((record) => record.body)).toEqual(['']);
  });
});

describe('JSON that breaks the limits → 400 with param, never forwarded', () => {
  const seventeenKeys = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
  const longKey = { ['k'.repeat(65)]: 'v' };
  const longValue = { note: 'v'.repeat(513) };

  const cases: [string, () => [ServedProxy, string, string, unknown], string][] = [
    ['createThreadRun, 17 metadata keys', () => [env.assistants, 'POST', '/threads/runs', { assistant_id: 'asst_demo_message', metadata: seventeenKeys }], 'metadata'],
    ['createThreadRun, a 65-character metadata key', () => [env.assistants, 'POST', '/threads/runs', { assistant_id: 'asst_demo_message', metadata: longKey }], 'metadata'],
    ['createThreadRun, a 513-character metadata value', () => [env.assistants, 'POST', '/threads/runs', { assistant_id: 'asst_demo_message', metadata: longValue }], 'metadata'],
    ['createRun, metadata an array', () => [env.assistants, 'POST', `/threads/${alice.threadId}/runs`, { assistant_id: 'asst_demo_message', metadata: ['a'] }], 'metadata'],
    ['createRun, 17 metadata keys', () => [env.assistants, 'POST', `/threads/${alice.threadId}/runs`, { assistant_id: 'asst_demo_message', metadata: seventeenKeys }], 'metadata'],
    ['updateRun, 17 metadata keys', () => [env.assistants, 'POST', `/threads/${alice.threadId}/runs/${alice.runId}`, { metadata: seventeenKeys }], 'metadata'],
    ['updateRun, a key besides metadata', () => [env.assistants, 'POST', `/threads/${alice.threadId}/runs/${alice.runId}`, { metadata: {}, status: 'completed' }], 'status'],
    ['submitToolOutputs, tool_outputs not an array', () => [env.assistants, 'POST', `/threads/${alice.threadId}/runs/${alice.runId}/submit_tool_outputs`, { tool_outputs: 'call_1=42' }], 'tool_outputs'],
    ['submitToolOutputs, tool_outputs an object', () => [env.assistants, 'POST', `/threads/${alice.threadId}/runs/${alice.runId}/submit_tool_outputs`, { tool_outputs: { call_1: '42' } }], 'tool_outputs'],
    ['submitToolOutputs, an output that is not a string', () => [env.assistants, 'POST', `/threads/${alice.threadId}/runs/${alice.runId}/submit_tool_outputs`, { tool_outputs: [{ tool_call_id: 'call_1', output: 42 }] }], 'tool_outputs[0].output'],
    ['submitToolOutputs, no outputs', () => [env.assistants, 'POST', `/threads/${alice.threadId}/runs/${alice.runId}/submit_tool_outputs`, { tool_outputs: [] }], 'tool_outputs'],
    ['Responses create, 17 metadata keys', () => [env.responses, 'POST', '/responses', { model: 'gpt-4o', input: 'hi', metadata: seventeenKeys }], 'metadata'],
    ['conversation create, a 65-character metadata key', () => [env.responses, 'POST', '/conversations', { metadata: longKey }], 'metadata'],
    ['conversation update, 17 metadata keys', () => [env.responses, 'POST', `/conversations/${alice.conversationId}`, { metadata: seventeenKeys }], 'metadata'],
  ];

  it('a duplicated key cannot smuggle the value the checks never saw', async () => {
    // JSON.parse keeps the last `metadata`, which passes; a parser that keeps the first would see 17
    // keys. Whatever the proxy forwards must be the body it checked: no second, unchecked metadata.
    const checked = JSON.stringify({ metadata: { ok: 'yes' } }).slice(1, -1);
    const smuggled = JSON.stringify({ metadata: seventeenKeys }).slice(1, -1);
    const mark = env.upstream.mark();
    const answer = await call(env.responses, 'POST', '/conversations', { body: `{${smuggled},${checked}}` });
    const forwarded = env.upstream.since(mark);
    if (forwarded.length === 0) expectApiError(answer, 400);
    else {
      expect(answer.status).toBe(200);
      expect(forwarded[0]!.body).not.toContain('k16');
    }
  });

  it.each(cases)('%s', async (_name, make, param) => {
    const [proxy, method, path, body] = make();
    const mark = env.upstream.mark();
    const answer = await call(proxy, method, path, { body });
    expectApiError(answer, 400, { param, type: 'invalid_request_error' });
    expectNothingForwarded(env.upstream, mark);
  });
});
