import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { driveClock } from '../../emulator/helpers';
import {
  BASE_PATH as P,
  SERVER_KEY,
  call,
  createResources,
  expectNothingForwarded,
  expectParserOrProxyRefusal,
  headerValues,
  raw,
  rawBytes,
  rawExchange,
  rawPipeline,
  scanForKeyAfterAll,
  sdkAs,
  startAttackEnv,
  type AttackEnv,
  type RecordedRequest,
  type UserResources,
} from './support';

// Header attacks: a client key that tries to replace the server's, credentials and routing headers
// that must not reach the upstream, CR/LF injection, oversize and smuggling headers (Node's parser
// refuses those before the proxy runs: nothing reaches the upstream). The upstream here also sends
// identity headers and a cookie, which the proxy must not pass back.

const upstreamIdentity = {
  'set-cookie': 'upstream_session=s3cr3t; Path=/; HttpOnly',
  'openai-organization': 'org-upstream-secret',
  'openai-project': 'proj_upstream_secret',
  'openai-processing-ms': '42',
  server: 'upstream-server/1.0',
  via: '1.1 upstream-gateway',
  'x-powered-by': 'UpstreamFramework',
  'cf-ray': '8c0ffee-CDG',
  'x-envoy-upstream-service-time': '12',
};

let env: AttackEnv;
let alice: UserResources;

beforeAll(async () => {
  env = await startAttackEnv({ extraResponseHeaders: upstreamIdentity });
  alice = await createResources(env, 'alice');
}, 60_000);

afterAll(() => env.close());
scanForKeyAfterAll();

/** The one request forwarded since `mark`. */
function onlyForwarded(mark: number): RecordedRequest {
  const forwarded = env.upstream.since(mark);
  expect(forwarded.map((record) => `${record.method} ${record.target}`)).toHaveLength(1);
  return forwarded[0]!;
}

const serverKeyOnly = (record: RecordedRequest): void => {
  expect(headerValues(record, 'authorization')).toEqual([`Bearer ${SERVER_KEY}`]);
  expect(JSON.stringify(record.headers)).not.toMatch(/sk-attacker|sk-browser-dummy/);
};

describe('the client’s key never replaces the server’s', () => {
  it('the SDK sending Authorization: Bearer sk-attacker (Assistants): the upstream gets the server key only', async () => {
    const mark = env.upstream.mark();
    const attacker = sdkAs(env.assistants, 'alice');
    const run = await attacker.beta.threads.runs.retrieve(alice.runId, { thread_id: alice.threadId }, { headers: { Authorization: 'Bearer sk-attacker' } });
    expect(run.id).toBe(alice.runId);
    serverKeyOnly(onlyForwarded(mark));
  });

  it('the SDK sending Authorization: Bearer sk-attacker (Responses): the upstream gets the server key only', async () => {
    const mark = env.upstream.mark();
    const attacker = sdkAs(env.responses, 'alice');
    const response = await attacker.responses.retrieve(alice.responseId, {}, { headers: { Authorization: 'Bearer sk-attacker' } });
    expect(response.id).toBe(alice.responseId);
    serverKeyOnly(onlyForwarded(mark));
  });

  it('two Authorization headers, differently cased, raw: still the server key only', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.assistants, {
      method: 'GET',
      target: `${P}/v1/threads/${alice.threadId}/runs`,
      headers: [
        ['Authorization', 'Bearer sk-attacker-1'],
        ['authorization', 'Bearer sk-attacker-2'],
        ['Proxy-Authorization', 'Basic c2stYXR0YWNrZXI='],
      ],
    });
    expect(answer.status).toBe(200);
    const record = onlyForwarded(mark);
    serverKeyOnly(record);
    expect(headerValues(record, 'proxy-authorization')).toEqual([]);
  });

  it('a fetch with a lower-case authorization header: the server key only', async () => {
    const mark = env.upstream.mark();
    const answer = await call(env.responses, 'GET', `/responses/${alice.responseId}`, { headers: { authorization: 'Bearer sk-attacker' } });
    expect(answer.status).toBe(200);
    serverKeyOnly(onlyForwarded(mark));
  });
});

describe('request hygiene', () => {
  it('Cookie, OpenAI-Organization, OpenAI-Project and hop-by-hop headers never reach the upstream', async () => {
    const stripped: [string, string][] = [
      ['Cookie', 'session=alice-session; csrftoken=abc'],
      ['OpenAI-Organization', 'org-attacker'],
      ['OpenAI-Project', 'proj_attacker'],
      ['Keep-Alive', 'timeout=5, max=1000'],
      ['Proxy-Connection', 'keep-alive'],
      ['TE', 'trailers'],
      ['Trailer', 'X-Checksum'],
    ];
    for (const [proxy, target] of [
      [env.assistants, `${P}/v1/threads/${alice.threadId}/runs/${alice.runId}`],
      [env.responses, `${P}/v1/responses/${alice.responseId}`],
    ] as const) {
      const mark = env.upstream.mark();
      const answer = await raw(proxy, { method: 'GET', target, headers: stripped });
      expect(answer.status, answer.body.slice(0, 300)).toBe(200);
      const record = onlyForwarded(mark);
      for (const [name] of stripped) expect(headerValues(record, name), `${name} forwarded`).toEqual([]);
      expect(JSON.stringify(record.headers)).not.toMatch(/alice-session|org-attacker|proj_attacker/);
      serverKeyOnly(record);
    }
  });

  it('a header the client names in Connection (hop-by-hop by declaration) is not forwarded', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.responses, {
      method: 'GET',
      target: `${P}/v1/responses/${alice.responseId}`,
      headers: [
        ['Connection', 'close, X-Hop-Secret'],
        ['X-Hop-Secret', 'hop-by-hop-only'],
      ],
    });
    expect(answer.status).toBe(200);
    expect(headerValues(onlyForwarded(mark), 'x-hop-secret')).toEqual([]);
  });

  it('a client OpenAI-Beta does not switch on betas with the server’s key', async () => {
    const beta: [string, string][] = [['OpenAI-Beta', 'assistants=v1, realtime=v1, responses=experimental']];
    let mark = env.upstream.mark();
    expect((await raw(env.assistants, { method: 'GET', target: `${P}/v1/threads/${alice.threadId}/runs`, headers: beta })).status).toBe(200);
    expect(headerValues(onlyForwarded(mark), 'openai-beta')).toEqual(['assistants=v2']);
    mark = env.upstream.mark();
    expect((await raw(env.responses, { method: 'GET', target: `${P}/v1/responses/${alice.responseId}`, headers: beta })).status).toBe(200);
    expect(headerValues(onlyForwarded(mark), 'openai-beta')).toEqual([]);
  });

  it('a second user header cannot switch users: refused, not forwarded', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.assistants, {
      method: 'GET',
      target: `${P}/v1/threads/${alice.threadId}/runs`,
      user: null,
      headers: [
        ['x-test-user', 'bob'],
        ['X-Test-User', 'alice'],
      ],
    });
    // "bob, alice" is nobody: the test's authorize denies it (401).
    expectParserOrProxyRefusal(answer, [401, 403]);
    expectNothingForwarded(env.upstream, mark);
  });
});

describe('one connection, several users (HTTP/1.1 pipelining)', () => {
  it('each pipelined request is judged on its own: alice 200, bob 403, alice 200', async () => {
    const target = `${P}/v1/threads/${alice.threadId}/runs/${alice.runId}`;
    const port = env.assistants.port;
    const mark = env.upstream.mark();
    const answers = await rawPipeline(port, [
      rawBytes(port, { method: 'GET', target, user: 'alice', headers: [['Connection', 'keep-alive']] }),
      rawBytes(port, { method: 'GET', target, user: 'bob', headers: [['Connection', 'keep-alive']] }),
      rawBytes(port, { method: 'GET', target, user: 'alice' }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 403, 200]);
    expect(answers[1]!.body).not.toContain(alice.runId);
    expect(env.upstream.since(mark).map((record) => `${record.method} ${record.target}`)).toEqual([
      `GET /v1/threads/${alice.threadId}/runs/${alice.runId}`,
      `GET /v1/threads/${alice.threadId}/runs/${alice.runId}`,
    ]);
  });
});

describe('CR / LF injection', () => {
  const target = (): string => `${P}/v1/threads/${alice.threadId}/runs`;

  it.each([
    ['a bare CR inside a header value', 'X-Note: a\rAuthorization: Bearer sk-attacker'],
    ['a bare LF inside a header value', 'X-Note: a\nAuthorization: Bearer sk-attacker'],
    ['a folded continuation line (obs-fold)', 'X-Note: a\r\n Authorization: Bearer sk-attacker'],
    ['a NUL inside a header value', 'X-Note: a\0b'],
    ['a CR LF inside a header name', 'X-No\r\nte: a'],
  ])('%s: refused by the parser, nothing forwarded', async (_name, line) => {
    const mark = env.upstream.mark();
    const head = `GET ${target()} HTTP/1.1\r\nHost: 127.0.0.1:${env.assistants.port}\r\nx-test-user: alice\r\n${line}\r\nConnection: close\r\n\r\n`;
    const answer = await rawExchange(env.assistants.port, Buffer.from(head, 'latin1'));
    expectParserOrProxyRefusal(answer, [400]);
    expectNothingForwarded(env.upstream, mark);
  });

  it('an encoded CR LF in the query does not become a header upstream', async () => {
    const mark = env.upstream.mark();
    await raw(env.assistants, { method: 'GET', target: `${target()}?after=x%0d%0aX-Injected:%20yes%0d%0a` });
    for (const record of env.upstream.since(mark)) {
      expect(record.target).not.toMatch(/[\r\n]/);
      expect(headerValues(record, 'x-injected')).toEqual([]);
    }
  });
});

describe('oversize headers and smuggling', () => {
  it.each([
    ['one 20 KB header', [['X-Padding', 'a'.repeat(20_000)]] as [string, string][]],
    ['120 headers of 200 bytes', Array.from({ length: 120 }, (_, i): [string, string] => [`X-Pad-${i}`, 'b'.repeat(200)])],
    ['a 20 KB cookie', [['Cookie', `c=${'c'.repeat(20_000)}`]] as [string, string][]],
  ])('%s → 431 (or 400), nothing forwarded', async (_name, headers) => {
    const mark = env.upstream.mark();
    const answer = await raw(env.responses, { method: 'GET', target: `${P}/v1/responses/${alice.responseId}`, headers });
    expectParserOrProxyRefusal(answer, [400, 431]);
    expectNothingForwarded(env.upstream, mark);
  });

  it('a 20 KB request target (path or query) is refused, nothing forwarded', async () => {
    const mark = env.upstream.mark();
    for (const target of [`${P}/v1/responses/${alice.responseId}?after=${'p'.repeat(20_000)}`, `${P}/v1/responses/resp_${'p'.repeat(20_000)}`]) {
      const answer = await raw(env.responses, { method: 'GET', target });
      expectParserOrProxyRefusal(answer, [400, 404, 414, 431]);
    }
    expectNothingForwarded(env.upstream, mark);
  });

  it.each([
    ['Content-Length and Transfer-Encoding together', [['Content-Length', '4'], ['Transfer-Encoding', 'chunked']], '0\r\n\r\n'],
    ['two different Content-Lengths', [['Content-Length', '2'], ['Content-Length', '40']], '{}'],
    ['a Transfer-Encoding other than chunked', [['Transfer-Encoding', 'gzip, identity']], '{}'],
  ] as [string, [string, string][], string][])('%s: refused, nothing forwarded', async (_name, headers, body) => {
    const mark = env.upstream.mark();
    const bytes = rawBytes(env.assistants.port, {
      method: 'POST',
      target: `${P}/v1/threads/${alice.threadId}/runs/${alice.runId}/cancel`,
      headers: [['Content-Type', 'application/json'], ...headers],
      body,
    });
    const answer = await rawExchange(env.assistants.port, bytes);
    expectParserOrProxyRefusal(answer, [400, 411, 501]);
    expectNothingForwarded(env.upstream, mark);
  });
});

describe('response hygiene', () => {
  const identity = Object.keys(upstreamIdentity);

  it('the upstream’s cookie and identity headers are not passed back; x-request-id is', async () => {
    for (const answer of [
      await call(env.assistants, 'GET', `/threads/${alice.threadId}/runs/${alice.runId}`),
      await call(env.responses, 'GET', `/responses/${alice.responseId}`),
      // an upstream error (a foreground response cannot be cancelled: 400) passes through, hygiene included
      await call(env.responses, 'POST', `/responses/${alice.responseId}/cancel`),
    ]) {
      for (const name of identity) expect(answer.headers[name], `${name} passed back`).toBeUndefined();
      expect(answer.headers['x-request-id']).toMatch(/^req_[0-9a-f]{32}$/);
      expect(JSON.stringify(answer.headers)).not.toMatch(/s3cr3t|org-upstream-secret|proj_upstream_secret/);
    }
  });

  it('an SSE answer gets the same hygiene, and stays an event stream', async () => {
    const response = await fetch(`${env.responses.baseURL}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-user': 'alice' },
      body: JSON.stringify({ model: 'gpt-4o', input: 'Stream, please.', stream: true }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    for (const name of identity) expect(response.headers.get(name), `${name} passed back`).toBeNull();
    // Let it finish, so nothing is left open.
    const done = response.text();
    await driveClock(env.upstream.clock, done);
    expect(await done).toContain('response.completed');
  });

  it('openai-poll-after-ms is passed back with a live run', async () => {
    const client = sdkAs(env.assistants, 'alice');
    const { data: run, response } = await client.beta.threads.runs.create(alice.threadId, { assistant_id: 'asst_demo_slow' }).withResponse();
    expect(run.status).toBe('queued');
    expect(Number(response.headers.get('openai-poll-after-ms'))).toBeGreaterThan(0);
    for (const name of identity) expect(response.headers.get(name)).toBeNull();
    // Leave the thread free for anyone after us.
    await client.beta.threads.runs.cancel(run.id, { thread_id: alice.threadId });
    env.upstream.clock.advance(1_000);
  });
});
