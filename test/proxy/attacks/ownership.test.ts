import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../src/emulator';
import {
  call,
  createResources,
  expectApiError,
  expectNothingForwarded,
  scanForKeyAfterAll,
  sdkAs,
  startAttackEnv,
  type AttackEnv,
  type UserResources,
} from './support';

// Another user's thread, run, conversation or response → 403, never forwarded. Alice creates
// everything through the proxy (so it records her as owner); bob, signed in, tries every route
// on it. Afterwards alice's things are as she left them, and alice herself still gets through.

let env: AttackEnv;
let alice: UserResources;
let bob: UserResources;
/** Alice's ids by placeholder name, for the case tables. */
const ids: Record<string, string> = {};

const fill = (template: string): string => template.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? `{missing ${name}}`);

beforeAll(async () => {
  env = await startAttackEnv();
  alice = await createResources(env, 'alice');
  bob = await createResources(env, 'bob');
  const { direct, clock } = env.upstream;
  const assistants = sdkAs(env.assistants, 'alice');
  const responses = sdkAs(env.responses, 'alice');

  // A run waiting for tool outputs, and a slow run to cancel, each in a thread of alice's.
  const waiting = await assistants.beta.threads.createAndRun({ assistant_id: demoIds.assistants.function_call });
  const slow = await assistants.beta.threads.createAndRun({ assistant_id: demoIds.assistants.slow });
  clock.advance(3_000);
  const waitingNow = await direct.beta.threads.runs.retrieve(waiting.id, { thread_id: waiting.thread_id });
  expect(waitingNow.status).toBe('requires_action');
  const steps = await direct.beta.threads.runs.steps.list(alice.runId, { thread_id: alice.threadId });
  const step = steps.data.find((s) => s.step_details.type === 'message_creation');
  if (step?.step_details.type !== 'message_creation') throw new Error('the message run has no message_creation step');

  // A background response (slow, still running) and the items of alice's conversation.
  const background = await responses.responses.create({ model: 'gpt-4o', input: 'Take your time.', background: true, metadata: { 'emulator.scenario': 'slow' } });
  const items = await direct.conversations.items.list(alice.conversationId);

  // Alice records her response as a run in the proxy's run index.
  const recorded = await call(env.responses, 'POST', '/runlens/run-index/runs', { body: { runId: alice.responseId, conversationId: alice.conversationId, createdAt: 1_767_225_600 } });
  expect(recorded.status, recorded.body).toBe(204);

  Object.assign(ids, {
    thread: alice.threadId,
    run: alice.runId,
    step: step.id,
    message: step.step_details.message_creation.message_id,
    waitingThread: waiting.thread_id,
    waitingRun: waiting.id,
    callId: waitingNow.required_action?.submit_tool_outputs.tool_calls[0]?.id ?? 'call_missing',
    slowThread: slow.thread_id,
    slowRun: slow.id,
    response: alice.responseId,
    background: background.id,
    conversation: alice.conversationId,
    item: items.data[0]?.id ?? 'item_missing',
    bobResponse: bob.responseId,
    bobConversation: bob.conversationId,
  });
}, 60_000);

afterAll(() => env.close());
scanForKeyAfterAll();

type Attempt = [operation: string, method: string, path: string, body?: unknown];

const assistantsAttempts: Attempt[] = [
  ['listRuns', 'GET', '/threads/{thread}/runs'],
  ['createRun', 'POST', '/threads/{thread}/runs', { assistant_id: demoIds.assistants.message }],
  ['getRun', 'GET', '/threads/{thread}/runs/{run}'],
  ['updateRun', 'POST', '/threads/{thread}/runs/{run}', { metadata: { hijacked: 'yes' } }],
  ['submitToolOutputs', 'POST', '/threads/{waitingThread}/runs/{waitingRun}/submit_tool_outputs', { tool_outputs: [{ tool_call_id: '{callId}', output: 'bob was here' }] }],
  ['cancelRun', 'POST', '/threads/{slowThread}/runs/{slowRun}/cancel'],
  ['listRunSteps', 'GET', '/threads/{thread}/runs/{run}/steps'],
  ['getRunStep', 'GET', '/threads/{thread}/runs/{run}/steps/{step}'],
  ['getMessage', 'GET', '/threads/{thread}/messages/{message}'],
];

const responsesAttempts: Attempt[] = [
  ['getResponse', 'GET', '/responses/{response}'],
  ['getResponse (re-stream)', 'GET', '/responses/{background}?stream=true&starting_after=0'],
  ['cancelResponse', 'POST', '/responses/{background}/cancel'],
  ['listInputItems', 'GET', '/responses/{response}/input_items'],
  ['createResponse on her previous_response_id', 'POST', '/responses', { model: 'gpt-4o', input: 'continue', previous_response_id: '{response}' }],
  ['createResponse in her conversation', 'POST', '/responses', { model: 'gpt-4o', input: 'hi', conversation: '{conversation}' }],
  ['createResponse in her conversation, object form', 'POST', '/responses', { model: 'gpt-4o', input: 'hi', conversation: { id: '{conversation}' } }],
  ['getConversation', 'GET', '/conversations/{conversation}'],
  ['updateConversation', 'POST', '/conversations/{conversation}', { metadata: { owner: 'bob' } }],
  ['listConversationItems', 'GET', '/conversations/{conversation}/items'],
  ['createConversationItems', 'POST', '/conversations/{conversation}/items', { items: [{ type: 'message', role: 'user', content: 'bob was here' }] }],
  ['getConversationItem', 'GET', '/conversations/{conversation}/items/{item}'],
];

const runIndexAttempts: [operation: string, method: string, path: string, body: unknown, statuses: number[]][] = [
  ['list her conversation’s runs', 'GET', '/runlens/run-index/conversations/{conversation}/runs', undefined, [403]],
  ['read her run’s chain', 'GET', '/runlens/run-index/runs/{response}', undefined, [403, 404]],
  ['find her run by response', 'GET', '/runlens/run-index/responses/{response}/run', undefined, [403, 404]],
  ['forget her run', 'DELETE', '/runlens/run-index/runs/{response}', undefined, [403, 404]],
  ['record his response as a run in her conversation', 'POST', '/runlens/run-index/runs', { runId: '{bobResponse}', conversationId: '{conversation}', createdAt: 1_767_225_700 }, [403]],
  ['append his response to her run', 'POST', '/runlens/run-index/runs/{response}/responses', { responseId: '{bobResponse}' }, [403, 404]],
];

const fillBody = (body: unknown): unknown => (body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body))));

describe('bob on alice’s Assistants threads and runs', () => {
  it.each(assistantsAttempts)('%s → 403, not forwarded', async (_operation, method, path, body) => {
    const mark = env.upstream.mark();
    const answer = await call(env.assistants, method, fill(path), { user: 'bob', body: fillBody(body) });
    expectApiError(answer, 403);
    expectNothingForwarded(env.upstream, mark);
  });

  it('his own thread id with her run id goes through, and the upstream finds no such run in his thread', async () => {
    const mark = env.upstream.mark();
    const answer = await call(env.assistants, 'GET', `/threads/${bob.threadId}/runs/${alice.runId}`, { user: 'bob' });
    expectApiError(answer, 404);
    expect(env.upstream.since(mark).map((record) => record.target)).toEqual([`/v1/threads/${bob.threadId}/runs/${alice.runId}`]);
  });
});

describe('bob on alice’s Responses conversations and responses', () => {
  it.each(responsesAttempts)('%s → 403, not forwarded', async (_operation, method, path, body) => {
    const mark = env.upstream.mark();
    const answer = await call(env.responses, method, fill(path), { user: 'bob', body: fillBody(body) });
    expectApiError(answer, 403);
    expectNothingForwarded(env.upstream, mark);
  });

  it.each(runIndexAttempts)('run index: %s → refused', async (_operation, method, path, body, statuses) => {
    const answer = await call(env.responses, method, fill(path), { user: 'bob', body: fillBody(body) });
    expectApiError(answer, statuses);
  });
});

describe('claims on someone else’s response', () => {
  it('alice cannot record bob’s response as a run of her conversation (run index)', async () => {
    const answer = await call(env.responses, 'POST', '/runlens/run-index/runs', {
      user: 'alice',
      body: { runId: bob.responseId, conversationId: alice.conversationId, createdAt: 1_767_225_800 },
    });
    expectApiError(answer, 403);
    const found = await call(env.responses, 'GET', `/runlens/run-index/responses/${bob.responseId}/run`, { user: 'bob' });
    expect(found.status, found.body).toBe(404);
  });
});

describe('alice’s items pulled in by reference', () => {
  // The Responses API resolves `{ type: 'item_reference', id }` against the whole project the key
  // belongs to, so a reference to one of alice's items would put her words into bob's turn. The
  // proxy knows no owner for items: it must refuse references (or check them), never forward them.
  const reference = (): { type: 'item_reference'; id: string } => ({ type: 'item_reference', id: ids.item! });
  // The spec makes `type` optional on a reference (and nullable): `{ id }` alone names an item too.
  const bareReference = (): { id: string } => ({ id: ids.item! });
  const nullTypeReference = (): { id: string; type: null } => ({ id: ids.item!, type: null });

  it.each([
    ['a response whose input references her item', 'POST', '/responses', () => ({ model: 'gpt-4o', input: [reference()] })],
    ['his conversation, created with her item by reference', 'POST', '/conversations', () => ({ items: [reference()] })],
    ['his conversation’s items, adding hers by reference', 'POST', '/conversations/{bobConversation}/items', () => ({ items: [reference()] })],
    ['a response whose input references her item by id alone', 'POST', '/responses', () => ({ model: 'gpt-4o', input: [{ role: 'user', content: 'hi' }, bareReference()] })],
    ['a response whose input references her item with type null', 'POST', '/responses', () => ({ model: 'gpt-4o', input: [nullTypeReference()] })],
    ['his conversation’s items, adding hers by id alone', 'POST', '/conversations/{bobConversation}/items', () => ({ items: [bareReference()] })],
  ] as [string, string, string, () => unknown][])('%s → refused, not forwarded', async (_name, method, path, body) => {
    const mark = env.upstream.mark();
    const answer = await call(env.responses, method, fill(path), { user: 'bob', body: body() });
    expectApiError(answer, [400, 403]);
    expectNothingForwarded(env.upstream, mark);
  });
});

describe('nobody’s and no one’s', () => {
  it('threads and conversations not created through the proxy are refused to everyone (403)', async () => {
    for (const user of ['alice', 'bob']) {
      const mark = env.upstream.mark();
      expectApiError(await call(env.assistants, 'GET', `/threads/${demoIds.threads.history}/runs`, { user }), 403);
      expectApiError(await call(env.responses, 'GET', `/conversations/${demoIds.conversations.history}`, { user }), 403);
      expectApiError(await call(env.responses, 'GET', `/responses/${demoIds.responses.completed}`, { user }), 403);
      expectNothingForwarded(env.upstream, mark);
    }
  });

  it('without a signed-in user: 401 from authorize, not forwarded', async () => {
    const mark = env.upstream.mark();
    expectApiError(await call(env.assistants, 'GET', `/threads/${alice.threadId}/runs`, { user: null }), 401, { message: /Sign in first/ });
    expectApiError(await call(env.assistants, 'POST', '/threads/runs', { user: null, body: { assistant_id: demoIds.assistants.message } }), 401);
    expectApiError(await call(env.responses, 'POST', '/conversations', { user: null, body: {} }), 401);
    expectNothingForwarded(env.upstream, mark);
  });
});

describe('afterwards', () => {
  it('alice’s things are as she left them', async () => {
    const { direct } = env.upstream;
    expect((await direct.beta.threads.runs.retrieve(ids.waitingRun!, { thread_id: ids.waitingThread! })).status).toBe('requires_action');
    expect((await direct.beta.threads.runs.retrieve(ids.slowRun!, { thread_id: ids.slowThread! })).status).toBe('in_progress');
    expect((await direct.beta.threads.runs.retrieve(alice.runId, { thread_id: alice.threadId })).metadata).not.toHaveProperty('hijacked');
    expect((await direct.responses.retrieve(ids.background!)).status).not.toBe('cancelled');
    expect((await direct.conversations.retrieve(alice.conversationId)).metadata).toEqual({ owner: 'alice' });
    const items = await direct.conversations.items.list(alice.conversationId);
    expect(JSON.stringify(items.data)).not.toContain('bob was here');
    const chain = await call(env.responses, 'GET', `/runlens/run-index/runs/${alice.responseId}`, { user: 'alice' });
    expect(chain.status, chain.body).toBe(200);
  });

  it('the control: alice reads all of it herself through the proxy', async () => {
    for (const [, method, path] of [...assistantsAttempts, ...responsesAttempts].filter(([, m, p]) => m === 'GET' && !p.includes('stream=true'))) {
      const proxy = path.startsWith('/threads') ? env.assistants : env.responses;
      const answer = await call(proxy, method, fill(path), { user: 'alice' });
      expect(answer.status, `${method} ${path}: ${answer.body.slice(0, 200)}`).toBe(200);
    }
    const list = await call(env.responses, 'GET', `/runlens/run-index/conversations/${alice.conversationId}/runs`, { user: 'alice' });
    expect(list.status, list.body).toBe(200);
    expect(list.body).toContain(alice.responseId);
  });
});
