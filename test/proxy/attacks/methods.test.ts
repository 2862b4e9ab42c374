import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_PATH as P,
  createResources,
  expectApiError,
  expectNothingForwarded,
  expectParserOrProxyRefusal,
  headerValues,
  raw,
  scanForKeyAfterAll,
  startAttackEnv,
  type AttackEnv,
  type RawAnswer,
  type ServedProxy,
  type UserResources,
} from './support';

// Method tricks: overrides in headers, methods the routes do not take, lower-case spellings. The
// proxy compares methods exactly and ignores or refuses overrides; the upstream must never see a
// method it did not allow, nor an override header it might honour.

let env: AttackEnv;
let alice: UserResources;

beforeAll(async () => {
  env = await startAttackEnv();
  alice = await createResources(env, 'alice');
}, 60_000);

afterAll(() => env.close());
scanForKeyAfterAll();

const overrideHeaders = ['X-HTTP-Method-Override', 'X-HTTP-Method', 'X-Method-Override'];

/** Either refused outright, or forwarded with its own method and without any override header. */
async function expectOverrideIgnored(proxy: ServedProxy, method: 'GET' | 'POST', target: string, header: string, body?: string): Promise<RawAnswer> {
  const mark = env.upstream.mark();
  const answer = await raw(proxy, {
    method,
    target,
    headers: [[header, 'DELETE'], ...(body ? ([['Content-Type', 'application/json']] as [string, string][]) : [])],
    body,
  });
  const forwarded = env.upstream.since(mark);
  if (forwarded.length === 0) expectApiError(answer, [400, 405]);
  else {
    expect(forwarded.map((record) => record.method)).toEqual([method]);
    for (const name of overrideHeaders) expect(headerValues(forwarded[0]!, name), `${name} forwarded`).toEqual([]);
    expect(answer.status, answer.body.slice(0, 300)).toBe(200);
  }
  return answer;
}

describe('method-override headers', () => {
  it.each(overrideHeaders)('%s: DELETE on a response retrieve does not delete it', async (header) => {
    await expectOverrideIgnored(env.responses, 'GET', `${P}/v1/responses/${alice.responseId}`, header);
    const still = await env.upstream.direct.responses.retrieve(alice.responseId);
    expect(still.id).toBe(alice.responseId);
  });

  it.each(overrideHeaders)('%s: DELETE on a conversation update does not delete it', async (header) => {
    await expectOverrideIgnored(env.responses, 'POST', `${P}/v1/conversations/${alice.conversationId}`, header, JSON.stringify({ metadata: { owner: 'alice' } }));
    const still = await env.upstream.direct.conversations.retrieve(alice.conversationId);
    expect(still.id).toBe(alice.conversationId);
  });

  it.each(overrideHeaders)('%s: DELETE on an assistant read does not delete it', async (header) => {
    await expectOverrideIgnored(env.assistants, 'GET', `${P}/v1/assistants/asst_demo_message`, header);
    const still = await env.upstream.direct.beta.assistants.retrieve('asst_demo_message');
    expect(still.id).toBe('asst_demo_message');
  });
});

/** 405 with an Allow header naming what the route takes, or 404; nothing forwarded. */
function expectMethodRefused(answer: RawAnswer, mark: number, allowed: string, hasBody: boolean): void {
  if (hasBody) expectApiError(answer, [404, 405]);
  else expect([404, 405]).toContain(answer.status);
  if (answer.status === 405) expect(answer.headers.allow ?? '', 'a 405 names the allowed methods').toContain(allowed);
  expectNothingForwarded(env.upstream, mark);
}

describe('methods the routes do not take', () => {
  const targets = (): [ServedProxy, string][] => [
    [env.assistants, `${P}/v1/threads/${alice.threadId}/runs/${alice.runId}`],
    [env.responses, `${P}/v1/responses/${alice.responseId}`],
  ];

  it('HEAD is refused (a HEAD answer has no body to carry the error)', async () => {
    for (const [proxy, target] of targets()) {
      const mark = env.upstream.mark();
      expectMethodRefused(await raw(proxy, { method: 'HEAD', target }), mark, 'GET', false);
    }
  });

  it('OPTIONS is refused and no CORS grant comes back (no --allow-origin here)', async () => {
    for (const [proxy, target] of targets()) {
      const mark = env.upstream.mark();
      const answer = await raw(proxy, {
        method: 'OPTIONS',
        target,
        headers: [
          ['Origin', 'https://evil.example'],
          ['Access-Control-Request-Method', 'DELETE'],
        ],
      });
      expectMethodRefused(answer, mark, 'GET', true);
      expect(answer.headers['access-control-allow-origin']).toBeUndefined();
      expect(answer.headers['access-control-allow-methods']).toBeUndefined();
    }
  });

  it('TRACE is refused and echoes nothing back', async () => {
    for (const [proxy, target] of targets()) {
      const mark = env.upstream.mark();
      const answer = await raw(proxy, { method: 'TRACE', target, headers: [['Cookie', 'session=trace-me']] });
      expectMethodRefused(answer, mark, 'GET', true);
      expect(answer.body).not.toContain('trace-me');
    }
  });

  it.each(['PUT', 'PATCH', 'DELETE', 'PROPFIND'])('%s is refused', async (method) => {
    for (const [proxy, target] of targets()) {
      const mark = env.upstream.mark();
      expectMethodRefused(await raw(proxy, { method, target }), mark, 'GET', true);
    }
  });
});

describe('requests that are not for a resource at all', () => {
  it('OPTIONS * is refused, not forwarded', async () => {
    const mark = env.upstream.mark();
    expectParserOrProxyRefusal(await raw(env.responses, { method: 'OPTIONS', target: '*' }), [400, 404, 405]);
    expectNothingForwarded(env.upstream, mark);
  });

  it('CONNECT to the upstream’s own address opens no tunnel', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.assistants, { method: 'CONNECT', target: `127.0.0.1:${env.upstream.port}`, headers: [['Host', `127.0.0.1:${env.upstream.port}`]] });
    // Node closes a CONNECT nobody listens for without a word (status 0 here); a 4xx is fine too; a 200 would be a tunnel.
    expectParserOrProxyRefusal(answer, [0, 400, 404, 405]);
    expectNothingForwarded(env.upstream, mark);
  });
});

describe('lower-case and odd method spellings', () => {
  // Node's parser refuses these with a bare 400 before the handler runs; a proxy that got them
  // (another server) compares exactly and answers 405. Either way nothing is forwarded.
  it.each(['get', 'Get', 'post', 'delete', 'GETS'])('%s', async (method) => {
    for (const [proxy, target] of [
      [env.assistants, `${P}/v1/threads/${alice.threadId}/runs`],
      [env.responses, `${P}/v1/responses/${alice.responseId}`],
    ] as const) {
      const mark = env.upstream.mark();
      const answer = await raw(proxy, { method, target });
      expectParserOrProxyRefusal(answer, [400, 405]);
      expectNothingForwarded(env.upstream, mark);
    }
  });
});

describe('methods as a Fetch runtime hands them over', () => {
  // Fetch upper-cases only DELETE/GET/HEAD/OPTIONS/POST/PUT; any other method keeps its spelling, so
  // a handler mounted in Bun, Deno or a Next.js route can see 'patch' and must compare exactly.
  it.each(['patch', 'Patch', 'PATCH', 'merge'])('%s straight into the handler → 404/405, not forwarded', async (method) => {
    const mark = env.upstream.mark();
    const response = await env.responses.handler(
      new Request(`${env.responses.baseURL}/conversations/${alice.conversationId}`, {
        method,
        headers: { 'x-test-user': 'alice', 'content-type': 'application/json' },
        body: JSON.stringify({ metadata: { patched: 'yes' } }),
      }),
    );
    const answer = { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
    expectApiError(answer, [404, 405]);
    expectNothingForwarded(env.upstream, mark);
  });
});
