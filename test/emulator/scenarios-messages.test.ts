import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startCheckedBackend } from './checked-backend';
import { expectConforms, expectListConforms } from './conformance';
import { setUpScenario, textOf } from './helpers';
import { inspect, listBody } from './invariants';


describe('scenario: message (the default)', () => {
  it('goes queued → in_progress → completed through one message_creation step writing a thread message', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'message');
    const created = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id, metadata: { ticket: '42' } });
    expect(created.status).toBe('queued');
    expect((await inspect(openai, created)).steps).toEqual([]);

    clock.advance(500);
    const started = await inspect(openai, created);
    expect(started.run.status).toBe('in_progress');
    expect(started.run.started_at).toBe(created.created_at);
    expect(started.steps).toHaveLength(1);
    const [step] = started.steps;
    expect(step?.status).toBe('in_progress');
    if (step?.step_details.type !== 'message_creation') throw new Error('expected a message_creation step');
    const messageId = step.step_details.message_creation.message_id;

    clock.advance(500); // halfway: the message is visible and partly written
    const partial = await openai.beta.threads.messages.retrieve(messageId, { thread_id: thread.id });
    expectConforms('MessageObject', partial);
    expect(partial.status).toBe('in_progress');
    expect(textOf(partial).length).toBeGreaterThan(0);

    clock.advance(600);
    const done = await inspect(openai, created);
    expect(done.run.status).toBe('completed');
    expect(done.run.completed_at).toBeGreaterThanOrEqual(done.run.started_at ?? Infinity);
    expect(done.run.metadata).toEqual({ ticket: '42' });
    expect(done.steps[0]?.status).toBe('completed');
    expect(done.run.usage).toEqual(done.steps[0]?.usage);

    const message = await openai.beta.threads.messages.retrieve(messageId, { thread_id: thread.id });
    expect(message).toMatchObject({ status: 'completed', role: 'assistant', run_id: created.id, assistant_id: assistant.id });
    expect(textOf(message)).toContain('Please run the message scenario.');
    const messages = await listBody<OpenAI.Beta.Threads.Message>(openai.beta.threads.messages.list(thread.id, { run_id: created.id }));
    expectListConforms('ListMessagesResponse', messages);
    expect(messages.data.map((m) => m.id)).toEqual([messageId]);
  });

  it('createAndRun makes the thread (with its messages) and the run on it', async () => {
    const { openai, clock } = await startCheckedBackend();
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', instructions: 'Be brief.' });
    const run = await openai.beta.threads.createAndRun({
      assistant_id: assistant.id,
      thread: { messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi there' }] }], metadata: { source: 'test' } },
    });
    expect(run).toMatchObject({ status: 'queued', assistant_id: assistant.id, instructions: 'Be brief.', model: 'gpt-4o' });
    const thread = await openai.beta.threads.retrieve(run.thread_id);
    expect(thread.metadata).toEqual({ source: 'test' });
    clock.advance(2_000);
    expect((await inspect(openai, run)).run.status).toBe('completed');
    const messages = (await openai.beta.threads.messages.list(thread.id, { order: 'asc' })).data;
    expect(messages.map((m) => [m.role, m.run_id])).toEqual([['user', null], ['assistant', run.id]]);
    expect(textOf(messages[1] as OpenAI.Beta.Threads.Message)).toContain('Hi there');
  });

  it('lets the run metadata override the assistant scenario', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'message');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id, metadata: { 'emulator.scenario': 'fail' } });
    clock.advance(5_000);
    expect((await inspect(openai, run)).run.status).toBe('failed');
  });
});

describe('scenario: fail and incomplete', () => {
  it('fail: the run and its step fail with server_error', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'fail');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(3_000);
    const { run: failed, steps } = await inspect(openai, run);
    expect(failed).toMatchObject({ status: 'failed', last_error: { code: 'server_error', message: expect.any(String) } });
    expect(failed.failed_at).toBeGreaterThanOrEqual(failed.created_at);
    expect(steps[0]).toMatchObject({ status: 'failed', last_error: { code: 'server_error' }, failed_at: expect.any(Number) });
    const [message] = (await openai.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
    expect(message).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'run_failed' } });
  });

  it('incomplete: the run stops at max_completion_tokens', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'incomplete');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id, max_completion_tokens: 256 });
    clock.advance(3_000);
    const { run: stopped } = await inspect(openai, run);
    expect(stopped).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_completion_tokens' }, max_completion_tokens: 256 });
    expect(stopped.usage?.completion_tokens).toBe(256);
    const [message] = (await openai.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
    expect(message).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_tokens' } });
  });
});

describe('scenario: slow', () => {
  it('stays in_progress for two minutes while the message grows, then completes', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'slow');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    const lengths: number[] = [];
    for (let t = 0; t < 120; t += 30) {
      clock.advance(30_000);
      const { run: current } = await inspect(openai, run);
      expect(current.status).toBe('in_progress');
      const [message] = (await openai.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
      lengths.push(message ? textOf(message).length : 0);
    }
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    expect(new Set(lengths).size).toBe(lengths.length);
    clock.advance(2_000);
    const { run: done } = await inspect(openai, run);
    expect(done.status).toBe('completed');
    expect((done.completed_at ?? 0) - (done.started_at ?? 0)).toBeGreaterThanOrEqual(120);
  });

  it('cancel: cancelling at once, cancelled 0.5 s later with the open step cancelled', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'slow');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(10_000);
    const cancelling = await openai.beta.threads.runs.cancel(run.id, { thread_id: thread.id });
    expect(cancelling.status).toBe('cancelling');
    expect((await inspect(openai, run)).run.status).toBe('cancelling');
    clock.advance(500);
    const { run: cancelled, steps } = await inspect(openai, run);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelled_at).toBe(run.created_at + 10);
    expect(steps[0]).toMatchObject({ status: 'cancelled', cancelled_at: run.created_at + 10 });
    const [message] = (await openai.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
    expect(message).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'run_cancelled' } });
  });
});
