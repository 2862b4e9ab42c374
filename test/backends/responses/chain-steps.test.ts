import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { messageSchema, runStepSchema } from '../../../src/api/schemas/index';
import { responseSchema, type ResponseObject } from '../../../src/api/schemas/responses/index';
import { messageFromItem, stepsFromChain } from '../../../src/backends/responses/chain-steps';
import { startResponsesEmulator } from './emulator';

// The chain's output items as run steps, on what the emulator really serves (official SDK over
// HTTP), each step checked against the Assistants RunStep schema the whole kit reads.

const retrieve = async (openai: OpenAI, id: string): Promise<ResponseObject> => responseSchema.parse(await openai.responses.retrieve(id));

describe('stepsFromChain', () => {
  it('a function-calling run: one step per call with the output the app sent, then the message step, all valid RunSteps', async () => {
    const { openai, clock, conversationId } = await startResponsesEmulator();
    const first = await openai.responses.create({
      model: 'gpt-4o',
      input: 'Weather?',
      background: true,
      conversation: conversationId,
      metadata: { 'emulator.scenario': 'function_call', 'emulator.parallel': '2' },
    });
    clock.advance(10_000);
    const asked = await retrieve(openai, first.id);
    const calls = asked.output.flatMap((item) => (item.type === 'function_call' ? [item] : []));
    const pendingSteps = stepsFromChain(conversationId, [asked], new Map());
    expect(pendingSteps.map((step) => step.step_details)).toEqual(
      calls.map((call) => ({ type: 'tool_calls', tool_calls: [{ id: call.call_id, type: 'function', function: { name: call.name, arguments: call.arguments, output: null } }] })),
    );

    const second = await openai.responses.create({
      model: 'gpt-4o',
      background: true,
      previous_response_id: first.id,
      input: calls.map((call, i) => ({ type: 'function_call_output' as const, call_id: call.call_id, output: `{"temperature": ${20 + i}}` })),
    });
    clock.advance(10_000);
    const answered = await retrieve(openai, second.id);
    // The outputs, as the client will read them: the next response's input items.
    const inputs = await openai.responses.inputItems.list(second.id, { order: 'asc' });
    const outputs = new Map(inputs.data.flatMap((item) => (item.type === 'function_call_output' && typeof item.output === 'string' && item.call_id ? [[item.call_id, item.output] as const] : [])));
    expect(outputs.size).toBe(2);

    const steps = stepsFromChain(conversationId, [asked, answered], outputs);
    for (const step of steps) expect(runStepSchema.safeParse(step).success, JSON.stringify(step)).toBe(true);
    expect(steps.map((step) => step.type)).toEqual(['tool_calls', 'tool_calls', 'message_creation']);
    expect(steps.every((step) => step.run_id === first.id && step.thread_id === conversationId && step.status === 'completed')).toBe(true);
    expect(steps.slice(0, 2).map((step) => step.step_details.type === 'tool_calls' && step.step_details.tool_calls[0])).toEqual(
      calls.map((call, i) => ({ id: call.call_id, type: 'function', function: { name: call.name, arguments: call.arguments, output: `{"temperature": ${20 + i}}` } })),
    );
    // Items carry no time: a step has its response's.
    expect(steps.map((step) => step.created_at)).toEqual([asked.created_at, asked.created_at, answered.created_at]);

    const item = answered.output.find((candidate) => candidate.type === 'message');
    if (item?.type !== 'message') throw new Error('the final round wrote no message');
    const message = messageFromItem(conversationId, first.id, item, answered.created_at);
    expect(messageSchema.safeParse(message).success).toBe(true);
    expect(message.content[0]).toMatchObject({ type: 'text', text: { value: expect.stringContaining('21') } });
  });

  it('a reasoning item is a step the unknown-step view shows, with every field kept', async () => {
    const { openai, clock, conversationId } = await startResponsesEmulator();
    const created = await openai.responses.create({ model: 'gpt-4o', input: 'Think', background: true, conversation: conversationId, metadata: { 'emulator.scenario': 'reasoning' } });
    clock.advance(10_000);
    const response = await retrieve(openai, created.id);
    const steps = stepsFromChain(conversationId, [response], new Map());
    const reasoning = response.output.find((item) => item.type === 'reasoning');
    if (reasoning?.type !== 'reasoning') throw new Error('no reasoning item');
    expect(steps[0]!.step_details).toEqual({ type: 'tool_calls', tool_calls: [{ ...reasoning, type: 'unknown', original_type: 'reasoning' }] });
    expect(steps.at(-1)!.type).toBe('message_creation');
    for (const step of steps) expect(runStepSchema.safeParse(step).success).toBe(true);
  });

  it('a failed response fails its unfinished items with its error; a cancelled one cancels them', async () => {
    const { openai, clock, conversationId } = await startResponsesEmulator();
    const failed = await openai.responses.create({ model: 'gpt-4o', input: 'x', background: true, conversation: conversationId, metadata: { 'emulator.scenario': 'fail' } });
    clock.advance(10_000);
    const failedResponse = await retrieve(openai, failed.id);
    const failedSteps = stepsFromChain(conversationId, [failedResponse], new Map());
    for (const step of failedSteps.filter((candidate) => candidate.status === 'failed')) expect(step.last_error).toEqual(failedResponse.error && { code: failedResponse.error.code, message: failedResponse.error.message });

    const slow = await openai.responses.create({ model: 'gpt-4o', input: 'x', background: true, conversation: conversationId, metadata: { 'emulator.scenario': 'slow' } });
    clock.advance(20_000); // the slow answer is being written (it takes ~120 s)
    const moving = stepsFromChain(conversationId, [await retrieve(openai, slow.id)], new Map());
    expect(moving.map((step) => step.status)).toContain('in_progress');
    await openai.responses.cancel(slow.id);
    const cancelled = stepsFromChain(conversationId, [await retrieve(openai, slow.id)], new Map());
    expect(cancelled.map((step) => step.status)).not.toContain('in_progress');
  });
});
