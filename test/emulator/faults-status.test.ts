import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { FaultProfile } from '../../src/emulator';
import { expectConforms } from './conformance';
import { expectFaultError, messageSetUp, startFaultyBackend } from './faults-backend';

const beta = { 'openai-beta': 'assistants=v2' };

describe('faults: 5xx and 429 answers', () => {
  it("a 503 'before' answers in the API's error shape and the request is never processed", async () => {
    const { openai, emulator } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'server-error', route: 'POST /threads/*/runs' }] });

    const error = await expectFaultError(openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }), 503, 'server_error');
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(error.message).toBe('503 The server is overloaded or not ready yet.');
    expectConforms('ErrorResponse', { error: error.error });
    expect((await openai.beta.threads.runs.list(thread.id)).data).toEqual([]);
    expect(emulator.faults.log).toEqual([
      expect.objectContaining({ kind: 'server-error', when: 'before', method: 'POST', path: `/v1/threads/${thread.id}/runs`, requestId: error.requestID, ruleIndex: 0 }),
    ]);
  });

  it.each([
    [500, 'The server had an error while processing your request. Sorry about that!'],
    [502, 'Bad gateway.'],
    [504, 'Gateway timeout.'],
  ] as const)('answers %i with its message', async (status, message) => {
    const { openai } = await startFaultyBackend({ rules: [{ kind: 'server-error', status }] });
    const error = await expectFaultError(openai.beta.assistants.list(), status, 'server_error');
    expect((error.error as { message: string }).message).toBe(message);
  });

  it("a 5xx 'after' keeps the request's effect: the run exists though the client saw 502", async () => {
    const { openai, emulator } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'server-error', status: 502, when: 'after', route: 'POST /threads/:thread_id/runs' }] });
    await expectFaultError(openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }), 502, 'server_error');
    const runs = await openai.beta.threads.runs.list(thread.id);
    expect(runs.data).toHaveLength(1);
    expect(emulator.faults.log.map((entry) => entry.when)).toEqual(['after']);
  });

  it('a burst: once triggered, N consecutive matching requests fail, then the rate decides again', async () => {
    const { openai, emulator } = await startFaultyBackend({ seed: 3, rules: [{ kind: 'server-error', status: 503, rate: 0.1, burst: 3 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      statuses.push(await openai.beta.assistants.list().then(() => 200, (error: InstanceType<typeof OpenAI.APIError>) => error.status ?? 0));
    }
    const runs = statuses.join(',').split(/,?200,?/).filter(Boolean).map((run) => run.split(',').length);
    expect(runs.length).toBeGreaterThan(0);
    for (const length of runs) expect(length % 3).toBe(0);
    expect(statuses.filter((status) => status === 503)).toHaveLength(emulator.faults.log.length);
  });

  it('a 429 carries retry-after (whole seconds) and retry-after-ms, type "requests", code rate_limit_exceeded', async () => {
    const { openai, baseURL } = await startFaultyBackend({ rules: [{ kind: 'rate-limit', retryAfterMs: 1500 }] });
    const error = await expectFaultError(openai.beta.assistants.list(), 429, 'requests', 'rate_limit_exceeded');
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error.headers?.get('retry-after')).toBe('2');
    expect(error.headers?.get('retry-after-ms')).toBe('1500');
    expect((error.error as { message: string }).message).toMatch(/^Rate limit reached for requests .* Please try again in 1\.5s\./);

    // A browser may read them: they are exposed to CORS.
    const raw = await fetch(`${baseURL}/assistants`, { headers: { ...beta, origin: 'http://localhost:6006' } });
    expect(raw.headers.get('access-control-expose-headers')).toMatch(/retry-after, retry-after-ms/);
  });

  it('the SDK backs off by retry-after-ms and retries a 429', async () => {
    // Seed 7 draws 0.01, 0.06, 0.98: the first attempt starts a burst of 2, the third gets through.
    const { openai, emulator } = await startFaultyBackend({ seed: 7, rules: [{ kind: 'rate-limit', retryAfterMs: 20, rate: 0.5, burst: 2 }] });
    const page = await openai.withOptions({ maxRetries: 2 }).beta.assistants.list();
    expect(page.data).toEqual([]);
    expect(emulator.faults.log.map((entry) => entry.kind)).toEqual(['rate-limit', 'rate-limit']);
    expect(emulator.requests.map((request) => request.path)).toEqual(['/v1/assistants', '/v1/assistants', '/v1/assistants']);
  });
});

describe('faults: which requests', () => {
  it('matches per route and method: only the cancel fails; GET and POST on the run itself pass', async () => {
    const { openai, emulator } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id, metadata: { 'emulator.scenario': 'slow' } });
    emulator.faults.set({ rules: [{ kind: 'server-error', route: ['POST /threads/:thread_id/runs/*/cancel', 'GET /assistants/**'] }] });

    await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    await openai.beta.threads.runs.update(run.id, { thread_id: thread.id, metadata: { note: 'ok' } });
    await openai.beta.threads.runs.steps.list(run.id, { thread_id: thread.id });
    await expectFaultError(openai.beta.threads.runs.cancel(run.id, { thread_id: thread.id }), 503, 'server_error');
    await expectFaultError(openai.beta.assistants.retrieve(assistant.id), 503, 'server_error');
    expect(emulator.faults.log.map((entry) => `${entry.method} ${entry.path}`)).toEqual([
      `POST /v1/threads/${thread.id}/runs/${run.id}/cancel`,
      `GET /v1/assistants/${assistant.id}`,
    ]);
  });

  it("set(null) ends an outage; set('outage') starts one; profile shows what is on", async () => {
    const { openai, emulator } = await startFaultyBackend('outage');
    expect(emulator.faults.profile?.name).toBe('outage');
    await expectFaultError(openai.beta.assistants.list(), 503, 'server_error');
    await expectFaultError(openai.beta.threads.create(), 503, 'server_error');
    emulator.faults.set(null);
    expect(emulator.faults.profile).toBeNull();
    await openai.beta.assistants.list();
    emulator.faults.set('outage');
    await expectFaultError(openai.beta.assistants.list(), 503, 'server_error');
    expect(emulator.faults.log).toHaveLength(3);
  });

  it('never faults a CORS preflight, and a preflight draws nothing from the PRNG', async () => {
    const profile: FaultProfile = { seed: 11, rules: [{ kind: 'server-error', rate: 0.5 }] };
    const sequence = async (withPreflights: boolean): Promise<number[]> => {
      const { baseURL } = await startFaultyBackend(profile);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        if (withPreflights) {
          const preflight = await fetch(`${baseURL}/assistants`, {
            method: 'OPTIONS',
            headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'GET', 'access-control-request-headers': 'openai-beta' },
          });
          expect(preflight.status).toBe(204);
        }
        statuses.push((await fetch(`${baseURL}/assistants`, { headers: beta })).status);
      }
      return statuses;
    };
    const plain = await sequence(false);
    expect(plain).toContain(503);
    expect(await sequence(true)).toEqual(plain);
  });
});

describe('faults: determinism', () => {
  const profile = (seed: number): FaultProfile => ({
    seed,
    rules: [
      { kind: 'server-error', rate: 0.2 },
      { kind: 'rate-limit', rate: 0.2, route: 'GET /assistants' },
      { kind: 'server-error', status: 500, rate: 0.2, when: 'after' },
    ],
  });

  async function outcomes(seed: number): Promise<string[]> {
    const { openai, emulator } = await startFaultyBackend(profile(seed));
    const results: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      const request = i % 2 === 0 ? openai.beta.assistants.list() : openai.beta.threads.create();
      results.push(await request.then(() => 'ok', (error: InstanceType<typeof OpenAI.APIError>) => String(error.status)));
    }
    expect(emulator.faults.log.map((entry) => String(entry.rule.kind === 'rate-limit' ? 429 : (entry.rule as { status?: number }).status ?? 503))).toEqual(
      results.filter((result) => result !== 'ok'),
    );
    return results;
  }

  it('the same seed and requests give the same faults; another seed, others', async () => {
    const first = await outcomes(42);
    expect(await outcomes(42)).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['ok', '503', '429', '500']));
    expect(await outcomes(43)).not.toEqual(first);
  });

  it('set() restarts the PRNG from the seed', async () => {
    const { baseURL, emulator } = await startFaultyBackend(profile(5));
    const statuses = async () => {
      const out: number[] = [];
      for (let i = 0; i < 15; i += 1) out.push((await fetch(`${baseURL}/assistants`, { headers: beta })).status);
      return out;
    };
    const first = await statuses();
    emulator.faults.set(profile(5));
    expect(await statuses()).toEqual(first);
  });
});
