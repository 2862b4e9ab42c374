import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_PATH as P,
  createResources,
  expectApiError,
  expectNothingForwarded,
  headerValues,
  raw,
  scanForKeyAfterAll,
  startAttackEnv,
  startRecordingUpstream,
  type AttackEnv,
  type RawAnswer,
  type RecordingUpstream,
  type ServedProxy,
  type UserResources,
} from './support';

// Path tricks, sent raw (fetch would resolve `..`, `%2e%2e` and backslashes before sending). The
// proxy matches a path after decoding and normalising it once: a trick either is refused (4xx in
// the API's shape, nothing forwarded) or, where it normalises to a route alice may use, reaches
// the upstream as that canonical path and nothing else. A second server stands for "elsewhere":
// absolute-URI targets and Host headers naming it must not send anything there.

let env: AttackEnv;
let elsewhere: RecordingUpstream;
let alice: UserResources;
let bob: UserResources;

beforeAll(async () => {
  env = await startAttackEnv();
  elsewhere = await startRecordingUpstream();
  alice = await createResources(env, 'alice');
  bob = await createResources(env, 'bob');
}, 60_000);

afterAll(async () => {
  // Whatever got through, it got through as a canonical path: /v1 and plain segments, no dots, no escapes.
  for (const record of env.upstream.records) {
    const path = record.target.split('?')[0] ?? '';
    expect(path, `forwarded target ${record.target}`).toMatch(/^\/v1(\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+$/);
    expect(path.split('/')).not.toContain('..');
  }
  expect(elsewhere.records, 'requests that reached the other server').toEqual([]);
  await elsewhere.close();
  await env.close();
});

scanForKeyAfterAll();

interface PathCase {
  target: string;
  /** The route the trick normalises to, if alice may use it; null: it must be refused. */
  canonical: string | null;
  headers?: [string, string][];
}

async function expectCanonicalOrRefused(proxy: ServedProxy, { target, canonical, headers }: PathCase): Promise<RawAnswer> {
  const mark = env.upstream.mark();
  const answer = await raw(proxy, { method: 'GET', target, headers });
  const forwarded = env.upstream.since(mark);
  if (canonical === null || forwarded.length === 0) {
    // Refused: 400 (malformed), 403 (it names bob's or nobody's resource), 404 (no such route).
    expectApiError(answer, canonical === null ? [400, 403, 404] : [400, 404]);
    expectNothingForwarded(env.upstream, mark);
  } else {
    expect(forwarded.map((record) => `${record.method} ${record.target.split('?')[0]}`)).toEqual([`GET ${canonical}`]);
    expect(answer.status, answer.body.slice(0, 300)).toBeLessThan(500);
  }
  return answer;
}

const assistantsCases: [string, () => PathCase][] = [
  ['`..` from a thread to /files', () => ({ target: `${P}/v1/threads/${alice.threadId}/../../files`, canonical: null })],
  ['`..` above the mount point', () => ({ target: `${P}/v1/../../../v1/files`, canonical: null })],
  ['`..` out of the proxy entirely', () => ({ target: `${P}/../../v1/threads/${alice.threadId}/runs`, canonical: null })],
  ['`..` from alice’s thread into bob’s', () => ({ target: `${P}/v1/threads/${alice.threadId}/../${bob.threadId}/runs`, canonical: null })],
  ['`%2e%2e` to /files', () => ({ target: `${P}/v1/threads/${alice.threadId}/%2e%2e/%2e%2e/files`, canonical: null })],
  ['mixed-case `.%2E` into bob’s thread', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs/.%2E/.%2e/${bob.threadId}/runs`, canonical: null })],
  ['`%2f` inside an id', () => ({ target: `${P}/v1/threads/${alice.threadId}%2f..%2f..%2ffiles/runs`, canonical: null })],
  ['`%2F` instead of the slash after /v1', () => ({ target: `${P}/v1%2Ffiles`, canonical: null })],
  ['`%2f` smuggling bob’s thread', () => ({ target: `${P}/v1/threads/${alice.threadId}%2f..%2f${bob.threadId}/runs`, canonical: null })],
  ['`%252f` (a slash after a second decode)', () => ({ target: `${P}/v1/threads/${alice.threadId}%252f..%252f..%252ffiles/runs`, canonical: null })],
  ['`%252e%252e` (dots after a second decode)', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs/%252e%252e/%252e%252e/${bob.threadId}/runs`, canonical: null })],
  ['backslashes as separators to /files', () => ({ target: `${P}/v1/threads/${alice.threadId}\\..\\..\\files`, canonical: null })],
  ['a backslash after the mount point', () => ({ target: `${P}\\v1\\files`, canonical: null })],
  ['`..\\` into bob’s thread', () => ({ target: `${P}/v1/threads/${alice.threadId}/..\\${bob.threadId}/runs`, canonical: null })],
  ['`%5c` (an encoded backslash)', () => ({ target: `${P}/v1/threads/${alice.threadId}%5c..%5c..%5cfiles/runs`, canonical: null })],
  ['`//` before v1', () => ({ target: `${P}//v1/files`, canonical: null })],
  ['an empty thread id (`//`)', () => ({ target: `${P}/v1/threads//runs`, canonical: null })],
  ['`//` to /files', () => ({ target: `${P}/v1//files`, canonical: null })],
  ['`//host` (a protocol-relative target)', () => ({ target: `//127.0.0.1:${elsewhere.port}${P}/v1/threads/${alice.threadId}/runs`, canonical: `/v1/threads/${alice.threadId}/runs` })],
  ['a trailing `..` (thread retrieve is not allowed)', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs/..`, canonical: null })],
  ['a trailing dot on a route name', () => ({ target: `${P}/v1/files.`, canonical: null })],
  ['a trailing dot on an id', () => ({ target: `${P}/v1/threads/${alice.threadId}./runs`, canonical: null })],
  ['a trailing dot on an action', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs/${alice.runId}/steps.`, canonical: null })],
  ['a trailing `/.` on alice’s own run list', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs/.`, canonical: `/v1/threads/${alice.threadId}/runs` })],
  ['an absolute-URI target naming another server', () => ({ target: `http://127.0.0.1:${elsewhere.port}${P}/v1/threads/${alice.threadId}/runs`, canonical: `/v1/threads/${alice.threadId}/runs` })],
  ['an absolute-URI target to /files', () => ({ target: `http://127.0.0.1:${elsewhere.port}${P}/v1/files`, canonical: null })],
  ['an absolute-URI target naming the upstream itself, outside the mount', () => ({ target: `${env.upstream.baseURL}/files`, canonical: null })],
  ['a query smuggling `/../../files`', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs?x=/../../files`, canonical: `/v1/threads/${alice.threadId}/runs` })],
  ['a bare query of `/../../files`', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs?/../../../files`, canonical: `/v1/threads/${alice.threadId}/runs` })],
  ['a path smuggled in an allowed parameter', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs?limit=2&after=..%2f..%2ffiles`, canonical: `/v1/threads/${alice.threadId}/runs` })],
  ['an encoded `?` (`%3f`) before `..`', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs%3f/../../files`, canonical: null })],
  ['a fragment smuggling `..`', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs#/../../files`, canonical: `/v1/threads/${alice.threadId}/runs` })],
  ['an encoded CR LF in an id', () => ({ target: `${P}/v1/threads/${alice.threadId}%0d%0aX-Injected:%20yes/runs`, canonical: null })],
  ['an upper-case route name', () => ({ target: `${P}/v1/THREADS/${alice.threadId}/runs`, canonical: null })],
  ['an upper-case version', () => ({ target: `${P}/V1/files`, canonical: null })],
  ['a fullwidth slash (`%EF%BC%8F`)', () => ({ target: `${P}/v1/threads/${alice.threadId}%EF%BC%8F..%EF%BC%8F${bob.threadId}/runs`, canonical: null })],
  ['an overlong UTF-8 dot (`%c0%ae`)', () => ({ target: `${P}/v1/threads/${alice.threadId}/%c0%ae%c0%ae/%c0%ae%c0%ae/files`, canonical: null })],
  ['a `;` path parameter', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs;/../../files`, canonical: null })],
  ['a `;` path parameter on a route name', () => ({ target: `${P}/v1/threads/${alice.threadId}/runs;x=1`, canonical: null })],
  ['an encoded NUL in an id', () => ({ target: `${P}/v1/threads/${alice.threadId}%00/runs`, canonical: null })],
];

describe('path tricks on the Assistants proxy', () => {
  it.each(assistantsCases)('%s', async (_name, make) => {
    await expectCanonicalOrRefused(env.assistants, make());
  });

  it('a `..` into bob’s thread is refused as bob’s (403), not as some other path', async () => {
    const answer = await expectCanonicalOrRefused(env.assistants, { target: `${P}/v1/threads/${alice.threadId}/../${bob.threadId}/runs`, canonical: null });
    // If the proxy normalises, it must then see bob's thread (403); refusing the dots outright (400) is fine too.
    expect([400, 403]).toContain(answer.status);
  });

  it('a Host header naming another server does not change where the request goes', async () => {
    for (const host of [`127.0.0.1:${elsewhere.port}`, 'evil.example', 'api.openai.com']) {
      const mark = env.upstream.mark();
      const answer = await raw(env.assistants, { method: 'GET', target: `${P}/v1/threads/${alice.threadId}/runs`, headers: [['Host', host]] });
      const forwarded = env.upstream.since(mark);
      if (forwarded.length === 0) expectApiError(answer, [400, 421]);
      else {
        expect(answer.status).toBe(200);
        expect(forwarded).toHaveLength(1);
        expect(headerValues(forwarded[0]!, 'host')).toEqual([`127.0.0.1:${env.upstream.port}`]);
      }
    }
  });

  it('the control: alice’s plain run list goes through as is, with its query', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.assistants, { method: 'GET', target: `${P}/v1/threads/${alice.threadId}/runs?limit=2&order=asc` });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ object: 'list', first_id: alice.runId });
    expect(env.upstream.since(mark).map((record) => record.target)).toEqual([`/v1/threads/${alice.threadId}/runs?limit=2&order=asc`]);
  });
});

const responsesCases: [string, () => PathCase][] = [
  ['`..` from a response to /files', () => ({ target: `${P}/v1/responses/${alice.responseId}/../../files`, canonical: null })],
  ['`..` from a response to vector stores', () => ({ target: `${P}/v1/responses/../vector_stores`, canonical: null })],
  ['`%2e%2e` into bob’s conversation', () => ({ target: `${P}/v1/responses/%2e%2e/conversations/${bob.conversationId}`, canonical: null })],
  ['`%2f` joining a conversation id and `items`', () => ({ target: `${P}/v1/conversations/${alice.conversationId}%2fitems`, canonical: null })],
  ['`%252f` into bob’s conversation', () => ({ target: `${P}/v1/conversations/${alice.conversationId}/items/..%252f..%252f${bob.conversationId}`, canonical: null })],
  ['`%2f..%2f` into bob’s response', () => ({ target: `${P}/v1/responses/${alice.responseId}%2f..%2f${bob.responseId}`, canonical: null })],
  ['backslashes to vector stores', () => ({ target: `${P}/v1/responses/${alice.responseId}\\..\\..\\vector_stores`, canonical: null })],
  ['`//` before responses', () => ({ target: `${P}/v1//responses/${alice.responseId}`, canonical: `/v1/responses/${alice.responseId}` })],
  ['a trailing dot on a response id', () => ({ target: `${P}/v1/responses/${alice.responseId}.`, canonical: null })],
  ['a trailing `..` (conversations list does not exist)', () => ({ target: `${P}/v1/conversations/${alice.conversationId}/..`, canonical: null })],
  ['a trailing `/.` on alice’s conversation items', () => ({ target: `${P}/v1/conversations/${alice.conversationId}/items/.`, canonical: `/v1/conversations/${alice.conversationId}/items` })],
  ['`..` from the run index into the API', () => ({ target: `${P}/runlens/run-index/../../v1/files`, canonical: null })],
  ['`..` from the run index into bob’s conversation', () => ({ target: `${P}/runlens/run-index/../../v1/conversations/${bob.conversationId}`, canonical: null })],
  ['an absolute-URI target naming another server', () => ({ target: `http://127.0.0.1:${elsewhere.port}${P}/v1/responses/${alice.responseId}`, canonical: `/v1/responses/${alice.responseId}` })],
  ['a query smuggling `/../../files` into an items list', () => ({ target: `${P}/v1/conversations/${alice.conversationId}/items?order=asc&x=/../../../files`, canonical: `/v1/conversations/${alice.conversationId}/items` })],
  ['a query smuggling bob’s conversation', () => ({ target: `${P}/v1/responses/${alice.responseId}/input_items?x=/../../../conversations/${bob.conversationId}`, canonical: `/v1/responses/${alice.responseId}/input_items` })],
];

describe('path tricks on the Responses proxy', () => {
  it.each(responsesCases)('%s', async (_name, make) => {
    await expectCanonicalOrRefused(env.responses, make());
  });

  it('a Host header naming another server does not change where the request goes', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.responses, { method: 'GET', target: `${P}/v1/responses/${alice.responseId}`, headers: [['Host', `127.0.0.1:${elsewhere.port}`]] });
    const forwarded = env.upstream.since(mark);
    if (forwarded.length === 0) expectApiError(answer, [400, 421]);
    else {
      expect(answer.status).toBe(200);
      expect(headerValues(forwarded[0]!, 'host')).toEqual([`127.0.0.1:${env.upstream.port}`]);
    }
  });

  it('the control: alice’s response is retrieved as is', async () => {
    const mark = env.upstream.mark();
    const answer = await raw(env.responses, { method: 'GET', target: `${P}/v1/responses/${alice.responseId}` });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ id: alice.responseId });
    expect(env.upstream.since(mark).map((record) => record.target)).toEqual([`/v1/responses/${alice.responseId}`]);
  });
});
