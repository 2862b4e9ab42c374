import type { ManualClock } from '../../../src/emulator';
import { describe, expect, it } from 'vitest';
import { RunsApiError, type RunsClient } from '../../../src/core';
import { runSchema, runStepSchema, messageSchema } from '../../../src/api/schemas/index';
import { createResponsesRunsClient } from '../../../src/backends/responses/client';
import { startResponsesEmulator } from './emulator';

// createResponsesRunsClient through the official SDK over HTTP to the emulator's Responses API.

async function start(): Promise<{ client: RunsClient; clock: ManualClock; conversationId: string }> {
  const { openai, clock, conversationId } = await startResponsesEmulator();
  const client = createResponsesRunsClient(openai, {
    assistants: {
      asst_weather: { model: 'gpt-4o', metadata: { 'emulator.scenario': 'function_call' }, tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }] },
      asst_chat: { model: 'gpt-4o' },
    },
  });
  return { client, clock, conversationId };
}

describe('createResponsesRunsClient', () => {
  it('runs a function-calling turn: create → requires_action → submit → completed, listed, with its steps and message', async () => {
    const { client, clock, conversationId } = await start();
    const created = await client.createRun(conversationId, { assistant_id: 'asst_weather', additional_messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    expect(created).toMatchObject({ thread_id: conversationId, status: 'queued' });
    clock.advance(10_000);
    const { run: waiting, pollAfterMs } = await client.getRun(conversationId, created.id);
    expect(waiting.status).toBe('requires_action');
    expect(pollAfterMs).toBeNull(); // a completed response gets no poll hint
    const calls = waiting.required_action!.submit_tool_outputs.tool_calls;
    expect(calls.length).toBeGreaterThan(0);

    const submitted = await client.submitToolOutputs(conversationId, created.id, { tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: '{"temperature": 21}' })) });
    expect(submitted).toMatchObject({ id: created.id, status: 'queued', required_action: null });
    const { run: moving, pollAfterMs: hint } = await client.getRun(conversationId, created.id);
    expect(moving.status).toMatch(/queued|in_progress/);
    expect(hint).toBeGreaterThan(0);
    clock.advance(10_000);
    const { run: done } = await client.getRun(conversationId, created.id);
    expect(done.status).toBe('completed');
    expect(runSchema.safeParse(done).success).toBe(true);

    const page = await client.listRuns(conversationId, { limit: 10 });
    expect(page).toMatchObject({ object: 'list', first_id: created.id, last_id: created.id, has_more: false });
    expect(page.data.map((run) => [run.id, run.status])).toEqual([[created.id, 'completed']]);

    const steps = await client.listRunSteps(conversationId, created.id, { order: 'asc' });
    for (const step of steps.data) expect(runStepSchema.safeParse(step).success).toBe(true);
    const functionStep = steps.data[0]!;
    expect(functionStep.step_details.type === 'tool_calls' && functionStep.step_details.tool_calls[0]).toMatchObject({ type: 'function', function: { output: '{"temperature": 21}' } });
    const messageStep = steps.data.at(-1)!;
    expect(messageStep.step_details.type).toBe('message_creation');
    expect(await client.getRunStep(conversationId, created.id, messageStep.id)).toEqual(messageStep);
    const messageId = messageStep.step_details.type === 'message_creation' ? messageStep.step_details.message_creation.message_id : '';
    const message = await client.getMessage(conversationId, messageId);
    expect(messageSchema.safeParse(message).success).toBe(true);
    expect(message).toMatchObject({ run_id: created.id, role: 'assistant', content: [{ type: 'text', text: { value: expect.stringContaining('21') } }] });
  });

  it('pages a conversation’s runs newest first, with after and before', async () => {
    const { client, clock, conversationId } = await start();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await client.createRun(conversationId, { assistant_id: 'asst_chat' })).id);
      clock.advance(10_000);
    }
    const first = await client.listRuns(conversationId, { limit: 2 });
    expect(first.data.map((run) => run.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = await client.listRuns(conversationId, { limit: 2, after: first.last_id! });
    expect(second.data.map((run) => run.id)).toEqual([ids[0]]);
    const newer = await client.listRuns(conversationId, { limit: 2, before: ids[0] });
    expect(newer.data.map((run) => run.id)).toEqual([ids[2], ids[1]]);
  });

  it('cancels the running response of a run', async () => {
    const { client, clock, conversationId } = await start();
    const created = await client.createRun(conversationId, { assistant_id: 'asst_chat', metadata: { 'emulator.scenario': 'slow' } });
    clock.advance(5_000);
    const cancelled = await client.cancelRun(conversationId, created.id);
    expect(cancelled).toMatchObject({ id: created.id, status: 'cancelled' });
  });

  it('says what to fix instead of sending: no model, metadata edits, a thread it should create itself', async () => {
    const { client, conversationId } = await start();
    const noModel = client.createRun(conversationId, { assistant_id: 'asst_unknown' });
    await expect(noModel).rejects.toBeInstanceOf(RunsApiError);
    await expect(noModel).rejects.toThrow(/needs a model: pass `model`, or map assistant "asst_unknown"/);
    await expect(client.updateRun(conversationId, 'resp_1', { metadata: {} })).rejects.toThrow(/can't change a response's metadata/);
    expect(client.capabilities?.updateMetadata).toEqual({ unsupported: expect.stringMatching(/metadata/) });
    await expect(client.createThreadRun({ assistant_id: 'asst_chat' })).rejects.toThrow(/runs in a conversation the app creates \(openai.conversations.create\(\)\)/);
    await expect(client.createThreadRunStream({ assistant_id: 'asst_chat' })[Symbol.asyncIterator]().next()).rejects.toThrow(/use createRun\(conversationId, params\)/);
  });
});
