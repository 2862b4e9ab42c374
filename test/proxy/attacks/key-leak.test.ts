import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPortURL } from '../../api/closed-port';
import { driveClock } from '../../emulator/helpers';
import {
  SERVER_KEY,
  call,
  createResources,
  expectApiError,
  headerValues,
  scanForKeyAfterAll,
  sdkAs,
  seenCount,
  seenTexts,
  startAttackEnv,
  startProxy,
  startRecordingUpstream,
  type AttackEnv,
  type RecordingUpstream,
  type ServedProxy,
  type UserResources,
} from './support';

// The server key never leaves towards the client: not in an answer's body or headers (successes,
// the proxy's own refusals, upstream errors passed through, proxy failures), not in what the
// onRequest / onResponse hooks or authorize are handed. Every file of the suite scans what it
// collected (scanForKeyAfterAll); this one provokes each kind of answer on purpose, and checks
// the collectors and the key string themselves so a scan that finds nothing means something.
//
// Not scanned here: the built Storybook (test/static/storybook-static.test.ts scans it, as it
// builds it anyway) and the full-stack example's client bundle (test/examples/fullstack.test.ts).
// Building either here would take minutes for no extra coverage.

let env: AttackEnv;
let alice: UserResources;
let bob: UserResources;
let down: ServedProxy;
let downURL: string;
let stalled: RecordingUpstream;
let slowProxy: ServedProxy;

beforeAll(async () => {
  env = await startAttackEnv({ limits: { maxBodyBytes: 4096 } });
  alice = await createResources(env, 'alice');
  bob = await createResources(env, 'bob');
  // A proxy whose upstream is not there, and one whose upstream holds every answer (a latency
  // fault on a manual clock nobody moves) past the proxy's short timeout.
  downURL = await closedPortURL();
  down = await startProxy(env.upstream, { backend: 'assistants', upstreamURL: downURL });
  stalled = await startRecordingUpstream();
  stalled.emulator.faults.set({ rules: [{ kind: 'latency', ms: 600_000 }] });
  slowProxy = await startProxy(stalled, { backend: 'responses', limits: { timeoutMs: 500 } });
}, 60_000);

afterAll(async () => {
  await Promise.all([down.close(), slowProxy.close()]);
  await stalled.close();
  await env.close();
});

scanForKeyAfterAll();

/** The key, the upstream's address and "Bearer" never appear in this answer. */
function expectClean(answer: { headers: Record<string, string>; body: string }, upstreamURL: string): void {
  const text = `${JSON.stringify(answer.headers)}\n${answer.body}`;
  expect(text).not.toContain(SERVER_KEY);
  expect(text).not.toContain(new URL(upstreamURL).host);
  expect(text).not.toMatch(/Bearer/i);
}

describe('proxy failures say so without the key or the upstream’s address', () => {
  it('upstream down → 502 proxy_error', async () => {
    const answer = await call(down, 'POST', '/threads/runs', { body: { assistant_id: 'asst_demo_message' } });
    const error = expectApiError(answer, 502, { type: 'proxy_error' });
    expect(error.message).toMatch(/could not be reached/);
    expectClean(answer, downURL);
    const logged = down.events.filter((event) => event.kind === 'response');
    expect(logged.at(-1)).toMatchObject({ status: 502 });
    expect(JSON.stringify(logged)).not.toContain(SERVER_KEY);
  });

  it('upstream too slow → 504 proxy_error', async () => {
    const answer = await call(slowProxy, 'POST', '/conversations', { body: { metadata: { a: 'b' } } });
    const error = expectApiError(answer, 504, { type: 'proxy_error' });
    expect(error.message).toMatch(/did not answer/);
    expectClean(answer, stalled.baseURL);
    // It did reach the upstream (which held it): the failure is the upstream's slowness, not a refusal.
    expect(stalled.records.map((record) => `${record.method} ${record.target}`)).toEqual(['POST /v1/conversations']);
  });

  it('the SDK’s error for a proxy failure carries neither', async () => {
    const error = await sdkAs(down, 'alice')
      .beta.threads.createAndRun({ assistant_id: 'asst_demo_message' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(Error);
    const told = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    expect(told).not.toContain(SERVER_KEY);
    expect(told).not.toContain(new URL(downURL).host);
  });
});

describe('every other kind of answer', () => {
  it('refusals (401, 403, 404, 405, 413, 400 with param) and upstream errors carry no key', async () => {
    const answers = [
      await call(env.assistants, 'GET', `/threads/${alice.threadId}/runs`, { user: null }),
      await call(env.assistants, 'GET', `/threads/${alice.threadId}/runs`, { user: 'bob' }),
      await call(env.assistants, 'GET', '/files'),
      await call(env.responses, 'DELETE', `/responses/${alice.responseId}`),
      await call(env.responses, 'POST', '/conversations', { body: { metadata: { big: 'x'.repeat(5000) } } }),
      await call(env.responses, 'POST', '/conversations', { body: { metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) } }),
      // Upstream errors, passed through: no such run in bob's thread; a foreground response is not cancellable.
      await call(env.assistants, 'GET', `/threads/${bob.threadId}/runs/${alice.runId}`, { user: 'bob' }),
      await call(env.responses, 'POST', `/responses/${alice.responseId}/cancel`),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([401, 403, 404, 405, 413, 400, 404, 400]);
    for (const answer of answers) expectClean(answer, env.upstream.baseURL);
  });

  it('successes and SSE streams carry no key', async () => {
    const responses = sdkAs(env.responses, 'alice');
    const stream = await responses.responses.create({ model: 'gpt-4o', input: 'Stream me.', stream: true });
    const types: string[] = [];
    const collected = (async () => {
      for await (const event of stream) types.push(event.type);
    })();
    await driveClock(env.upstream.clock, collected);
    expect(types.at(-1)).toBe('response.completed');
    const answer = await call(env.assistants, 'GET', `/threads/${alice.threadId}/runs/${alice.runId}/steps`);
    expect(answer.status).toBe(200);
    expectClean(answer, env.upstream.baseURL);
  });
});

describe('the scan itself', () => {
  it('the key string is the one the upstream received (so scanning for it means something)', () => {
    const keys = env.upstream.records.flatMap((record) => headerValues(record, 'authorization'));
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys)).toEqual(new Set([`Bearer ${SERVER_KEY}`]));
  });

  it('towards the upstream the key travels in the Authorization header only, never in a path, query or body', () => {
    for (const record of [...env.upstream.records, ...stalled.records]) {
      expect(record.target).not.toContain(SERVER_KEY);
      expect(record.body).not.toContain(SERVER_KEY);
      const carrying = record.headers.filter(([, value]) => value.includes(SERVER_KEY)).map(([name]) => name.toLowerCase());
      expect(carrying).toEqual(['authorization']);
    }
  });

  it('the log hooks and authorize fired and were collected, with request details in them', () => {
    const events = [...env.assistants.events, ...env.responses.events];
    expect(events.some((event) => event.kind === 'request')).toBe(true);
    expect(events.some((event) => event.kind === 'response' && typeof event.status === 'number')).toBe(true);
    expect(events.some((event) => event.user === 'alice')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(SERVER_KEY);
    expect(seenTexts().some((text) => text.startsWith('authorize '))).toBe(true);
    expect(seenCount()).toBeGreaterThan(20);
  });
});
