import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, createSystemClock, type Emulator } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';
import { checked, startCheckedBackend } from './checked-backend';
import { setUpScenario } from './helpers';
import { expectRunInvariants } from './invariants';

async function hint(openai: OpenAI, run: { id: string; thread_id: string }): Promise<{ status: string; pollAfter: string | null }> {
  const { data, response } = await openai.beta.threads.runs.retrieve(run.id, { thread_id: run.thread_id }).withResponse();
  return { status: data.status, pollAfter: response.headers.get('openai-poll-after-ms') };
}

describe('openai-poll-after-ms', () => {
  it('points at the next transition, follows the state, and is absent once terminal', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'message');
    const { data: created, response } = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }).withResponse();
    expect(response.headers.get('openai-poll-after-ms')).toBe('500');
    clock.advance(200);
    expect(await hint(openai, created)).toEqual({ status: 'queued', pollAfter: '300' });
    clock.advance(400);
    const working = await hint(openai, created);
    expect(working.status).toBe('in_progress');
    expect(Number(working.pollAfter)).toBeGreaterThanOrEqual(100);
    expect(Number(working.pollAfter)).toBeLessThan(1_000);
    clock.advance(2_000);
    expect(await hint(openai, created)).toEqual({ status: 'completed', pollAfter: null });
  });

  it('is the time to expires_at (clamped to 5000) in requires_action, and 500 while cancelling', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'function_call');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(2_000);
    expect(await hint(openai, run)).toEqual({ status: 'requires_action', pollAfter: '5000' });
    clock.advance(597_000); // 1 s before expires_at
    expect(await hint(openai, run)).toEqual({ status: 'requires_action', pollAfter: '1000' });
    const { response } = await openai.beta.threads.runs.cancel(run.id, { thread_id: thread.id }).withResponse();
    expect(response.headers.get('openai-poll-after-ms')).toBe('500');
    clock.advance(500);
    expect(await hint(openai, run)).toEqual({ status: 'cancelled', pollAfter: null });
  });

  it('stays at the max during a long step', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'slow');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(30_000);
    expect(await hint(openai, run)).toEqual({ status: 'in_progress', pollAfter: '5000' });
  });
});

describe('the SDK polling helpers against a fast system clock', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function fastBackend(): Promise<{ openai: OpenAI; emulator: Emulator }> {
    const emulator = createEmulator({ clock: createSystemClock({ speed: 50 }), seed: false });
    const server = await serveEmulator(emulator, { port: 0 });
    close = server.close;
    return { emulator, openai: checked(new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 })) };
  }

  const polls = (emulator: Emulator, runId: string) =>
    emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/runs/${runId}`)).length;

  it('createAndPoll reaches completed, sleeping as the hint says', async () => {
    const { openai, emulator } = await fastBackend();
    const { assistant, thread } = await setUpScenario(openai, 'message');
    const started = Date.now();
    const run = await openai.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
    expectRunInvariants(run);
    expect(run.status).toBe('completed');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(polls(emulator, run.id)).toBeGreaterThanOrEqual(1);
    expect(polls(emulator, run.id)).toBeLessThanOrEqual(5);
  });

  it('submitToolOutputsAndPoll completes a function_call run', async () => {
    const { openai } = await fastBackend();
    const { assistant, thread } = await setUpScenario(openai, 'function_call');
    const waiting = await openai.beta.threads.runs.createAndPoll(thread.id, { assistant_id: assistant.id });
    expect(waiting.status).toBe('requires_action');
    const calls = waiting.required_action?.submit_tool_outputs.tool_calls ?? [];
    const run = await openai.beta.threads.runs.submitToolOutputsAndPoll(waiting.id, {
      thread_id: thread.id,
      tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: 'sunny, 22°C' })),
    });
    expectRunInvariants(run);
    expect(run.status).toBe('completed');
    const [answer] = (await openai.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
    expect(answer?.content[0]?.type === 'text' && answer.content[0].text.value).toContain('sunny, 22°C');
  });
});
