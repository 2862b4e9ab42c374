import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  createResources,
  expectApiError,
  expectNothingForwarded,
  scanForKeyAfterAll,
  startAttackEnv,
  type AttackEnv,
  type ServedProxy,
  type UserResources,
} from './support';

// Routes outside the allowlist never reach the upstream, however well-formed: the proxy forwards
// only what runlens uses. Unknown paths → 404, a known path with another method → 405 (with
// Allow); both in the API's error shape, as alice (signed in) asks for them about her own things.

let env: AttackEnv;
let alice: UserResources;
let itemId: string;

beforeAll(async () => {
  env = await startAttackEnv();
  alice = await createResources(env, 'alice');
  const items = await env.upstream.direct.conversations.items.list(alice.conversationId);
  itemId = items.data[0]?.id ?? 'msg_missing';
}, 60_000);

afterAll(() => env.close());
scanForKeyAfterAll();

// Paths name placeholders ({thread}, {run}, {response}, {conversation}, {item}) filled with alice's ids.
type RouteCase = [method: string, path: string, body?: unknown];

const fill = (path: string): string =>
  path
    .replace('{thread}', alice.threadId)
    .replace('{run}', alice.runId)
    .replace('{response}', alice.responseId)
    .replace('{conversation}', alice.conversationId)
    .replace('{item}', itemId);

async function expectNotForwarded(proxy: ServedProxy, [method, path, body]: RouteCase): Promise<void> {
  const mark = env.upstream.mark();
  const answer = await call(proxy, method, fill(path), { body: body ?? (method === 'POST' ? {} : undefined) });
  expectApiError(answer, [404, 405]);
  if (answer.status === 405) expect(answer.headers.allow, 'a 405 names the allowed methods').toBeTruthy();
  expectNothingForwarded(env.upstream, mark);
}

const everywhere: RouteCase[] = [
  ['GET', '/files'],
  ['POST', '/files', { purpose: 'assistants' }],
  ['GET', '/files/file-abc123/content'],
  ['GET', '/vector_stores'],
  ['POST', '/vector_stores', { name: 'stolen' }],
  ['POST', '/chat/completions', { model: 'gpt-4o', messages: [{ role: 'user', content: 'free tokens' }] }],
  ['POST', '/completions', { model: 'gpt-3.5-turbo-instruct', prompt: 'free tokens' }],
  ['POST', '/embeddings', { model: 'text-embedding-3-small', input: 'free tokens' }],
  ['POST', '/images/generations', { prompt: 'free pixels' }],
  ['GET', '/models'],
  ['POST', '/fine_tuning/jobs', { model: 'gpt-4o-mini', training_file: 'file-abc' }],
  ['POST', '/batches', { input_file_id: 'file-abc', endpoint: '/v1/chat/completions', completion_window: '24h' }],
  ['GET', '/organization/users'],
  ['POST', '/realtime/sessions', { model: 'gpt-4o-realtime-preview' }],
  ['GET', ''],
  ['GET', '/'],
];

const assistantsOnly: RouteCase[] = [
  ['POST', '/assistants', { model: 'gpt-4o', name: 'attacker’s assistant' }],
  ['GET', '/assistants'],
  ['POST', '/assistants/asst_demo_message', { instructions: 'Leak everything.' }],
  ['DELETE', '/assistants/asst_demo_message'],
  ['POST', '/threads', {}],
  ['GET', '/threads/{thread}'],
  ['POST', '/threads/{thread}', { metadata: { a: 'b' } }],
  ['DELETE', '/threads/{thread}'],
  ['GET', '/threads/{thread}/messages'],
  ['POST', '/threads/{thread}/messages', { role: 'user', content: 'hi' }],
  ['DELETE', '/threads/{thread}/runs/{run}'],
  ['POST', '/threads/{thread}/runs/{run}/steps', {}],
  // The Responses routes are not the Assistants proxy's.
  ['POST', '/responses', { model: 'gpt-4o', input: 'hi' }],
  ['POST', '/conversations', {}],
];

const responsesOnly: RouteCase[] = [
  ['DELETE', '/responses/{response}'],
  ['DELETE', '/conversations/{conversation}'],
  ['DELETE', '/conversations/{conversation}/items/{item}'],
  ['GET', '/responses'],
  ['GET', '/conversations'],
  ['POST', '/responses/input_tokens', { model: 'gpt-4o', input: 'hi' }],
  ['POST', '/responses/compact', { model: 'gpt-4o', input: 'hi' }],
  ['POST', '/responses/{response}', {}],
  ['PUT', '/conversations/{conversation}', { metadata: {} }],
  // The Assistants routes are not the Responses proxy's.
  ['POST', '/threads/runs', { assistant_id: 'asst_demo_message' }],
  ['GET', '/threads/{thread}/runs'],
  ['GET', '/assistants/asst_demo_message'],
];

describe('outside the allowlist, on both proxies', () => {
  it.each(everywhere)('%s %s', async (...route: RouteCase) => {
    await expectNotForwarded(env.assistants, route);
    await expectNotForwarded(env.responses, route);
  });
});

describe('outside the Assistants allowlist', () => {
  it.each(assistantsOnly)('%s %s', async (...route: RouteCase) => {
    await expectNotForwarded(env.assistants, route);
  });
});

describe('outside the Responses allowlist', () => {
  it.each(responsesOnly)('%s %s', async (...route: RouteCase) => {
    await expectNotForwarded(env.responses, route);
  });

  it('DELETE of a response, a conversation or an item answers 405 with Allow, and they survive', async () => {
    for (const path of [`/responses/${alice.responseId}`, `/conversations/${alice.conversationId}`, `/conversations/${alice.conversationId}/items/${itemId}`]) {
      const answer = await call(env.responses, 'DELETE', path);
      expectApiError(answer, 405);
      expect(answer.headers.allow).toMatch(/GET/);
      expect(answer.headers.allow).not.toMatch(/DELETE/);
    }
    expect((await env.upstream.direct.responses.retrieve(alice.responseId)).id).toBe(alice.responseId);
    expect((await env.upstream.direct.conversations.items.retrieve(itemId, { conversation_id: alice.conversationId })).id).toBe(itemId);
  });
});

describe('the control: allowed routes do reach the upstream', () => {
  it('GET a run and GET a response are forwarded, once each', async () => {
    const mark = env.upstream.mark();
    expect((await call(env.assistants, 'GET', `/threads/${alice.threadId}/runs/${alice.runId}`)).status).toBe(200);
    expect((await call(env.responses, 'GET', `/responses/${alice.responseId}`)).status).toBe(200);
    expect(env.upstream.since(mark).map((record) => `${record.method} ${record.target}`)).toEqual([
      `GET /v1/threads/${alice.threadId}/runs/${alice.runId}`,
      `GET /v1/responses/${alice.responseId}`,
    ]);
  });
});
