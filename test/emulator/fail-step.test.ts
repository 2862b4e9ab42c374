import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startCheckedBackend } from './checked-backend';
import { expectApiError, setUpScenario } from './helpers';
import { inspect } from './invariants';

// `emulator.fail_step` on the Assistants API: in a bulk run, that step is a `charge_card` call
// that fails, and the run fails with it — the one failed call to find among thousands.

const error = { code: 'server_error', message: 'charge_card failed: the payment service timed out.' };

type Step = OpenAI.Beta.Threads.Runs.RunStep;

const functionOf = (step: Step | undefined) =>
  step?.step_details.type === 'tool_calls' && step.step_details.tool_calls[0]?.type === 'function' ? step.step_details.tool_calls[0].function : undefined;

describe('emulator.fail_step (Assistants)', () => {
  it('makes that bulk step a failed charge_card call; the run fails with the same error and lays out nothing after it', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'bulk', { metadata: { 'emulator.steps': '7', 'emulator.fail_step': '5' } });
    const created = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(5_000);
    const { run, steps } = await inspect(openai, created);

    expect(run).toMatchObject({ status: 'failed', last_error: error, completed_at: null, expires_at: null });
    expect(run.failed_at).toEqual(expect.any(Number));
    expect(run.usage).toEqual({ prompt_tokens: 100, completion_tokens: 40, total_tokens: 140 });
    expect(steps).toHaveLength(5);
    expect(steps.slice(0, 4).map((s) => s.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
    const failed = steps[4];
    expect(failed).toMatchObject({ type: 'tool_calls', status: 'failed', last_error: error, completed_at: null });
    expect(failed?.failed_at).toBe(run.failed_at);
    expect(functionOf(failed)).toEqual({ name: 'charge_card', arguments: '{"order":"ord_5","amount_cents":1299}', output: null });
    // No closing message: the thread holds only the user's.
    const messages = await openai.beta.threads.messages.list(thread.id);
    expect(messages.data.map((m) => m.role)).toEqual(['user']);
  });

  it('streams the failed step, then the failed run', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'bulk', { metadata: { 'emulator.steps': '3', 'emulator.fail_step': '2' } });
    const stream = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id, stream: true });
    clock.advance(5_000);
    const events: OpenAI.Beta.AssistantStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const names = events.map((e) => e.event);
    expect(names.slice(-3)).toEqual(['thread.run.step.in_progress', 'thread.run.step.failed', 'thread.run.failed']);
    const stepFailed = events.at(-2);
    expect(stepFailed?.event === 'thread.run.step.failed' && functionOf(stepFailed.data)?.name).toBe('charge_card');
    expect(names.filter((n) => n === 'thread.run.step.completed')).toHaveLength(1);
  });

  it('carries emulator.text into the failed call as a note', async () => {
    const { openai, clock } = await startCheckedBackend();
    const text = '<b>Ünïcode</b> « RTL שלום »';
    const { assistant, thread } = await setUpScenario(openai, 'bulk', { metadata: { 'emulator.steps': '2', 'emulator.fail_step': '1', 'emulator.text': text } });
    const created = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(5_000);
    const { steps } = await inspect(openai, created);
    expect(steps).toHaveLength(1);
    expect(JSON.parse(functionOf(steps[0])?.arguments ?? '{}')).toEqual({ order: 'ord_1', amount_cents: 1299, note: text });
  });

  it('gives a 9 990-step failed run for steps 10000, fail_step 9990', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'bulk', { metadata: { 'emulator.steps': '10000', 'emulator.fail_step': '9990' } });
    const created = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(110_000);
    const run = await openai.beta.threads.runs.retrieve(created.id, { thread_id: thread.id });
    expect(run).toMatchObject({ status: 'failed', last_error: error });
    const last = await openai.beta.threads.runs.steps.list(created.id, { thread_id: thread.id, order: 'desc', limit: 2 });
    expect(last.data.map((s) => s.status)).toEqual(['failed', 'completed']);
    expect(functionOf(last.data[0])?.arguments).toBe('{"order":"ord_9990","amount_cents":1299}');
    let count = 0;
    for await (const step of openai.beta.threads.runs.steps.list(created.id, { thread_id: thread.id, order: 'asc', limit: 100 })) {
      count += 1;
      if (count < 9_990) expect(step.status).toBe('completed');
    }
    expect(count).toBe(9_990);
  }, 60_000);

  it.each(['0', '10001', '1.5', 'five'])("rejects emulator.fail_step '%s' like emulator.steps", async (value) => {
    const { openai } = await startCheckedBackend();
    await expectApiError(openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'bulk', 'emulator.fail_step': value } }), {
      status: 400,
      message: `Invalid 'metadata': 'emulator.fail_step' must be an integer from 1 to 10000, got '${value}'.`,
      param: 'metadata',
      code: 'invalid_value',
    });
  });

  it('rejects a fail_step past the run’s steps (assistant and run settings merged)', async () => {
    const { openai } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'bulk', { metadata: { 'emulator.steps': '10' } });
    await expectApiError(openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id, metadata: { 'emulator.fail_step': '11' } }), {
      status: 400,
      message: "Invalid 'metadata': 'emulator.fail_step' must be at most 'emulator.steps' (10), got '11'.",
      param: 'metadata',
      code: 'invalid_value',
    });
  });

  it('is ignored outside the bulk scenario', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'message', { metadata: { 'emulator.fail_step': '1' } });
    const created = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(5_000);
    expect((await inspect(openai, created)).run.status).toBe('completed');
  });
});
