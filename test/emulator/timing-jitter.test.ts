import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, createManualClock, type EmulatorOptions, type ManualClock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';
import { setUpScenario } from './helpers';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function backend(options: EmulatorOptions): Promise<{ openai: OpenAI; clock: ManualClock }> {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const server = await serveEmulator(createEmulator({ clock, seed: false, ...options }), { port: 0, host: '127.0.0.1' });
  closers.push(server.close);
  return { openai: new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 }), clock };
}

/** Starts a function_call run; its hint on a manual clock is the exact time it stays queued. */
async function startRun(openai: OpenAI): Promise<{ threadId: string; runId: string; hint: string | null }> {
  const { assistant, thread } = await setUpScenario(openai, 'function_call');
  const { data, response } = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }).withResponse();
  return { threadId: thread.id, runId: data.id, hint: response.headers.get('openai-poll-after-ms') };
}

/** Emulator ms from each request-visible transition to the next: queued, then in_progress until requires_action. */
async function phases(options: EmulatorOptions): Promise<number[]> {
  const { openai, clock } = await backend(options);
  const { threadId, runId, hint } = await startRun(openai);
  const queuedMs = Number(hint);
  clock.advance(queuedMs);
  const started = await openai.beta.threads.runs.retrieve(runId, { thread_id: threadId }).withResponse();
  expect(started.data.status).toBe('in_progress');
  // The hint skips the step's deltas (not transitions): the first one in in_progress is the whole step.
  let workingMs = 0;
  for (;;) {
    const { data, response } = await openai.beta.threads.runs.retrieve(runId, { thread_id: threadId }).withResponse();
    if (data.status === 'requires_action') return [queuedMs, workingMs];
    const step = Number(response.headers.get('openai-poll-after-ms'));
    clock.advance(step);
    workingMs += step;
  }
}

describe('emulator timing options', () => {
  it('keeps the scenario timings without jitter', async () => {
    expect(await phases({})).toEqual([500, 1_000]);
  });

  it('stretches each phase by a seeded factor: same seed, same timings; another seed, others', async () => {
    const first = await phases({ timingJitter: { sigma: 0.5, seed: 7 } });
    expect(first).not.toEqual([500, 1_000]);
    expect(first[0]).not.toBe(first[1]! / 2);
    expect(await phases({ timingJitter: { sigma: 0.5, seed: 7 } })).toEqual(first);
    expect(await phases({ timingJitter: { sigma: 0.5, seed: 8 } })).not.toEqual(first);
    expect(await phases({ timingJitter: { sigma: 0 } })).toEqual([500, 1_000]);
  });

  it('rejects a sigma that is not a number ≥ 0', () => {
    expect(() => createEmulator({ seed: false, timingJitter: { sigma: -1 } })).toThrow(RangeError);
  });

  it('sends no poll hint with pollHints: false, and the run moves as before', async () => {
    const { openai, clock } = await backend({ pollHints: false });
    const { threadId, runId, hint } = await startRun(openai);
    expect(hint).toBeNull();
    clock.advance(499);
    expect((await openai.beta.threads.runs.retrieve(runId, { thread_id: threadId })).status).toBe('queued');
    clock.advance(1);
    const { data, response } = await openai.beta.threads.runs.retrieve(runId, { thread_id: threadId }).withResponse();
    expect(data.status).toBe('in_progress');
    expect(response.headers.get('openai-poll-after-ms')).toBeNull();
  });
});
