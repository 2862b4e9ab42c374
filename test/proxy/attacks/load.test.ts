import type OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds } from '../../../src/emulator';
import { driveClock } from '../../emulator/helpers';
import { call, createResources, expectApiError, scanForKeyAfterAll, sdkAs, startAttackEnv, startProxy, waitFor, type Answer, type AttackEnv, type UserResources } from './support';

// Load on loopback: 200 concurrent requests from four users over mixed routes (a few of them at
// another user's things), then 20 concurrent SSE streams (Responses creates and Assistants runs).
// Everything is answered, every stream ends with its terminal event, and no answer carries an id
// of another user's (the proxy must not cross answers between connections or users).

const users = ['alice', 'bob', 'carol', 'dave'] as const;
type User = (typeof users)[number];

let env: AttackEnv;
const mine = {} as Record<User, UserResources & { threads: string[] }>;
/** Every id created through the proxy → its owner. */
const ownerOf = new Map<string, User>();

const idPattern = /\b(?:thread|run|resp|conv)_[A-Za-z0-9]{16,}\b/g;

/** The known ids in `text` (the check below is only as good as this match). */
const knownIds = (text: string): string[] => [...new Set(text.match(idPattern) ?? [])].filter((id) => ownerOf.has(id));
/** Ids in `text` that belong to someone other than `user`. */
const foreignIds = (text: string, user: User): string[] => knownIds(text).filter((id) => ownerOf.get(id) !== user);

beforeAll(async () => {
  // A rate limit would be a fair answer under load, but not the one this test is about.
  env = await startAttackEnv({ limits: { requestsPerMinute: 100_000 } });
  for (const user of users) {
    const resources = await createResources(env, user);
    // More threads with a finished run each, so every Assistants stream below gets a thread to itself.
    const extra = await Promise.all([0, 1].map(() => sdkAs(env.assistants, user).beta.threads.createAndRun({ assistant_id: demoIds.assistants.message })));
    mine[user] = { ...resources, threads: [resources.threadId, ...extra.map((run) => run.thread_id)] };
    for (const id of [resources.threadId, resources.runId, resources.conversationId, resources.responseId, ...extra.flatMap((run) => [run.id, run.thread_id])]) ownerOf.set(id, user);
  }
  env.upstream.clock.advance(5_000);
}, 120_000);

afterAll(() => env.close());
scanForKeyAfterAll();

interface Planned {
  user: User;
  label: string;
  run: () => Promise<Answer>;
  /** 200 with this id in the answer, or 403 (another user's). */
  expectStatus: 200 | 403;
  expectId?: string;
}

function plan(i: number): Planned {
  const user = users[i % users.length]!;
  const r = mine[user];
  const other = mine[users[(i + 1) % users.length]!];
  const get = (proxy: 'assistants' | 'responses', path: string, as: User = user) => () => call(env[proxy], 'GET', path, { user: as });
  const routes: Omit<Planned, 'user'>[] = [
    { label: 'getRun', run: get('assistants', `/threads/${r.threadId}/runs/${r.runId}`), expectStatus: 200, expectId: r.runId },
    { label: 'listRuns', run: get('assistants', `/threads/${r.threadId}/runs`), expectStatus: 200, expectId: r.runId },
    { label: 'listRunSteps', run: get('assistants', `/threads/${r.threadId}/runs/${r.runId}/steps`), expectStatus: 200, expectId: r.runId },
    { label: 'getAssistant', run: get('assistants', `/assistants/${demoIds.assistants.message}`), expectStatus: 200, expectId: demoIds.assistants.message },
    { label: 'getResponse', run: get('responses', `/responses/${r.responseId}`), expectStatus: 200, expectId: r.responseId },
    { label: 'listInputItems', run: get('responses', `/responses/${r.responseId}/input_items`), expectStatus: 200 },
    { label: 'getConversation', run: get('responses', `/conversations/${r.conversationId}`), expectStatus: 200, expectId: r.conversationId },
    { label: 'listConversationItems', run: get('responses', `/conversations/${r.conversationId}/items`), expectStatus: 200 },
    { label: 'createConversation', run: () => call(env.responses, 'POST', '/conversations', { user, body: { metadata: { owner: user, n: String(i) } } }), expectStatus: 200 },
    // Now and then, someone else's things.
    { label: 'getRun of another user', run: get('assistants', `/threads/${other.threadId}/runs/${other.runId}`), expectStatus: 403 },
    { label: 'getResponse of another user', run: get('responses', `/responses/${other.responseId}`), expectStatus: 403 },
  ];
  return { user, ...routes[i % routes.length]! };
}

describe('load on loopback', () => {
  it('200 concurrent requests, mixed users and routes: all answered, none mixed up', async () => {
    const planned = Array.from({ length: 200 }, (_, i) => plan(i));
    const mark = env.upstream.mark();
    const answers = await Promise.all(planned.map((p) => p.run()));
    const requestIds = new Set<string>();
    for (const [i, answer] of answers.entries()) {
      const p = planned[i]!;
      const where = `#${i} ${p.user} ${p.label}: ${answer.status} ${answer.body.slice(0, 200)}`;
      expect(answer.status, where).toBe(p.expectStatus);
      if (p.expectId) expect(answer.body, where).toContain(p.expectId);
      if (p.expectId && ownerOf.has(p.expectId)) expect(knownIds(answer.body), where).toContain(p.expectId);
      expect(foreignIds(answer.body, p.user), where).toEqual([]);
      if (p.label === 'createConversation') {
        const created = JSON.parse(answer.body) as { id: string; metadata: Record<string, string> };
        expect(created.metadata, where).toEqual({ owner: p.user, n: String(i) });
        ownerOf.set(created.id, p.user);
      }
      if (answer.status === 200) {
        const requestId = answer.headers['x-request-id'] ?? '';
        expect(requestIds.has(requestId), `${where}: x-request-id ${requestId} answered twice`).toBe(false);
        requestIds.add(requestId);
      }
    }
    // Exactly the allowed ones reached the upstream.
    expect(env.upstream.since(mark)).toHaveLength(planned.filter((p) => p.expectStatus === 200).length);
  }, 60_000);

  it('20 concurrent SSE streams (10 Responses creates, 10 Assistants runs): each complete, each its user’s', async () => {
    type Stream = { user: User; kind: 'responses' | 'assistants'; threadId?: string; events: Promise<{ type: string; data: unknown }[]> };
    const streams: Stream[] = [];
    for (let i = 0; i < 10; i += 1) {
      const user = users[i % users.length]!;
      const client = sdkAs(env.responses, user);
      streams.push({
        user,
        kind: 'responses',
        events: (async () => {
          const events: { type: string; data: unknown }[] = [];
          const stream = await client.responses.create({ model: 'gpt-4o', input: `Stream ${i} for ${user}`, stream: true });
          for await (const event of stream) events.push({ type: event.type, data: structuredClone(event) });
          return events;
        })(),
      });
    }
    const threadsLeft = Object.fromEntries(users.map((user) => [user, [...mine[user].threads]])) as Record<User, string[]>;
    for (let i = 0; i < 10; i += 1) {
      const user = users[i % users.length]!;
      const threadId = threadsLeft[user].shift()!;
      const client: OpenAI = sdkAs(env.assistants, user);
      streams.push({
        user,
        kind: 'assistants',
        threadId,
        events: (async () => {
          const events: { type: string; data: unknown }[] = [];
          const stream = client.beta.threads.runs.stream(threadId, { assistant_id: demoIds.assistants.message });
          for await (const event of stream) events.push({ type: event.event, data: structuredClone(event.data) });
          return events;
        })(),
      });
    }

    const all = await driveClock(env.upstream.clock, Promise.all(streams.map((stream) => stream.events)));

    const streamed: { user: User; responseId: string }[] = [];
    for (const [i, events] of all.entries()) {
      const stream = streams[i]!;
      const where = `stream #${i} (${stream.kind}, ${stream.user})`;
      expect(events.length, where).toBeGreaterThan(2);
      expect(foreignIds(JSON.stringify(events), stream.user), where).toEqual([]);
      if (stream.kind === 'responses') {
        expect(events[0]?.type, where).toBe('response.created');
        expect(events.at(-1)?.type, where).toBe('response.completed');
        const ids = new Set(events.flatMap((event) => ((event.data as { response?: { id: string } }).response ? [(event.data as { response: { id: string } }).response.id] : [])));
        expect(ids.size, `${where}: one response per stream`).toBe(1);
        const sequence = events.map((event) => (event.data as { sequence_number: number }).sequence_number);
        expect(sequence, `${where}: no event lost or borrowed`).toEqual(sequence.map((_, n) => n));
        streamed.push({ user: stream.user, responseId: [...ids][0]! });
      } else {
        expect(events[0]?.type, where).toBe('thread.run.created');
        expect(events.at(-1)?.type, where).toBe('thread.run.completed');
        const threads = new Set(events.map((event) => (event.data as { thread_id?: string }).thread_id).filter(Boolean));
        expect([...threads], where).toEqual([stream.threadId]);
        expect(knownIds(JSON.stringify(events)), where).toContain(stream.threadId);
      }
    }

    // Each streamed response was recorded for its user as it passed through: its owner reads it, the next user may not.
    for (const [i, { user, responseId }] of streamed.entries()) {
      expect((await call(env.responses, 'GET', `/responses/${responseId}`, { user })).status, `response ${i} for ${user}`).toBe(200);
      const other = users[(users.indexOf(user) + 1) % users.length]!;
      expect((await call(env.responses, 'GET', `/responses/${responseId}`, { user: other })).status, `response ${i} for ${other}`).toBe(403);
    }
  }, 120_000);

  it('one user flooding hits the per-user rate limit (429, not forwarded); the others carry on', async () => {
    const limited = await startProxy(env.upstream, { backend: 'assistants', limits: { requestsPerMinute: 20 }, store: env.store });
    try {
      const r = mine.alice;
      const mark = env.upstream.mark();
      const flood = await Promise.all(Array.from({ length: 40 }, () => call(limited, 'GET', `/threads/${r.threadId}/runs/${r.runId}`, { user: 'alice' })));
      // 20 a minute: the first 20 pass (one or two more if the limiter refills while a slow machine sends the rest).
      const allowed = flood.filter((answer) => answer.status === 200);
      expect(allowed.length).toBeGreaterThanOrEqual(20);
      expect(allowed.length).toBeLessThanOrEqual(22);
      for (const answer of flood.filter((a) => a.status !== 200)) {
        expectApiError(answer, 429);
        expect(Number(answer.headers['retry-after']), 'a 429 says when to come back').toBeGreaterThan(0);
      }
      expect(env.upstream.since(mark)).toHaveLength(allowed.length);
      const b = mine.bob;
      expect((await call(limited, 'GET', `/threads/${b.threadId}/runs/${b.runId}`, { user: 'bob' })).status).toBe(200);
    } finally {
      await limited.close();
    }
  }, 30_000);

  it('20 streams opened and abandoned do not pin the upstream: each hang-up ends its upstream request', async () => {
    // Slow responses (~120 s of emulator time; the clock stays put), so only a hang-up can end them.
    await waitFor(() => env.upstream.openRequests() === 0, 'the upstream to be idle before the test');
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    await Promise.all(
      controllers.map(async (controller, i) => {
        const user = users[i % users.length]!;
        const response = await fetch(`${env.responses.baseURL}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-test-user': user },
          body: JSON.stringify({ model: 'gpt-4o', input: 'Take your time.', stream: true, metadata: { 'emulator.scenario': 'slow' } }),
          signal: controller.signal,
        });
        expect(response.status).toBe(200);
        const reader = response.body!.getReader();
        const first = await reader.read();
        expect(new TextDecoder().decode(first.value)).toContain('response.created');
      }),
    );
    expect(env.upstream.openRequests()).toBe(20);
    for (const controller of controllers) controller.abort();
    await waitFor(() => env.upstream.openRequests() === 0, 'every upstream stream to end after its client hung up');
  }, 30_000);
});
