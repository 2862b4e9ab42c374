import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';
import { messageText, scenario } from './helpers';

type FunctionCall = OpenAI.Responses.ResponseFunctionToolCall;
const calls = (response: OpenAI.Responses.Response): FunctionCall[] => response.output.filter((item): item is FunctionCall => item.type === 'function_call');

describe('responses: scenarios', () => {
  it('message (the default) writes one message with output_text', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Tell me', metadata: { 'emulator.text': '<b>&amp;</b>' } });
    expect(response.output.map((item) => item.type)).toEqual(['message']);
    expect(messageText(response)).toMatch(/Tell me.*<b>&amp;<\/b>$/);
  });

  it('function_call completes with get_weather calls, emulator.parallel of them, arguments that parse', async () => {
    const { openai } = await startResponsesBackend();
    const one = await openai.responses.create({ model: 'gpt-4o', input: 'Weather?', metadata: scenario('function_call') });
    expect(one.status).toBe('completed');
    expect(calls(one)).toHaveLength(1);
    expect(calls(one)[0]).toMatchObject({ type: 'function_call', name: 'get_weather', status: 'completed', call_id: expect.stringMatching(/^call_/) });
    expect(JSON.parse(calls(one)[0]?.arguments ?? '')).toHaveProperty('location');

    const three = await openai.responses.create({ model: 'gpt-4o', input: 'Weather?', metadata: scenario('function_call', { 'emulator.parallel': '3' }) });
    expect(calls(three)).toHaveLength(3);
    expect(new Set(calls(three).map((call) => call.call_id)).size).toBe(3);
    const serial = await openai.responses.create({
      model: 'gpt-4o', input: 'Weather?', parallel_tool_calls: false, metadata: scenario('function_call', { 'emulator.parallel': '3' }),
    });
    expect(calls(serial)).toHaveLength(1);
  });

  it('function_call uses the request\'s function tools, and a tool_choice naming one forces it', async () => {
    const { openai } = await startResponsesBackend();
    const tools: OpenAI.Responses.FunctionTool[] = [
      { type: 'function', name: 'lookup_order', strict: true, parameters: { type: 'object', properties: { order_id: { type: 'integer', minimum: 1 } }, required: ['order_id'], additionalProperties: false } },
      { type: 'function', name: 'refund', strict: false, parameters: { type: 'object', properties: { reason: { type: 'string', enum: ['late', 'broken'] } } } },
    ];
    const both = await openai.responses.create({ model: 'gpt-4o', input: 'Where is it?', tools, metadata: scenario('function_call', { 'emulator.parallel': '2' }) });
    expect(calls(both).map((call) => call.name)).toEqual(['lookup_order', 'refund']);
    expect(Number.isInteger(JSON.parse(calls(both)[0]?.arguments ?? '{}').order_id)).toBe(true);
    expect(['late', 'broken']).toContain(JSON.parse(calls(both)[1]?.arguments ?? '{}').reason);
    const forced = await openai.responses.create({
      model: 'gpt-4o', input: 'Refund it', tools, tool_choice: { type: 'function', name: 'refund' }, metadata: scenario('function_call'),
    });
    expect(calls(forced).map((call) => call.name)).toEqual(['refund']);
  });

  it('reasoning writes a reasoning item with a summary, then a message; usage counts reasoning tokens', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'o3', input: 'Think first', metadata: scenario('reasoning') });
    expect(response.output.map((item) => item.type)).toEqual(['reasoning', 'message']);
    const reasoning = response.output[0] as OpenAI.Responses.ResponseReasoningItem;
    expect(reasoning.summary).toHaveLength(1);
    expect(reasoning.summary[0]?.text).toContain('Think first');
    expect(response.usage?.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });

  it('fail ends failed with an error and a cut-off message', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', metadata: scenario('fail') });
    expect(response).toMatchObject({ status: 'failed', completed_at: null, error: { code: 'server_error', message: 'Sorry, something went wrong.' } });
    expect(response.output[0]).toMatchObject({ type: 'message', status: 'incomplete' });
  });

  it('incomplete ends incomplete at max_output_tokens', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', metadata: scenario('incomplete') });
    expect(response).toMatchObject({ status: 'incomplete', completed_at: null, incomplete_details: { reason: 'max_output_tokens' }, error: null });
    expect(response.output[0]).toMatchObject({ type: 'message', status: 'incomplete' });
  });

  it('slow writes its message over about two minutes in the background', async () => {
    const { openai, clock } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', background: true, metadata: scenario('slow') });
    clock.advance(60_000);
    const halfway = await openai.responses.retrieve(response.id);
    expect(halfway.status).toBe('in_progress');
    const partial = messageText(halfway);
    expect(partial.length).toBeGreaterThan(0);
    clock.advance(55_000);
    expect((await openai.responses.retrieve(response.id)).status).toBe('in_progress');
    clock.advance(6_000);
    const done = await openai.responses.retrieve(response.id);
    expect(done.status).toBe('completed');
    expect(messageText(done).startsWith(partial)).toBe(true);
  });

  it('rejects an unknown scenario and out-of-range settings', async () => {
    const { openai } = await startResponsesBackend();
    const unknown = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', metadata: scenario('expire') }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(OpenAI.BadRequestError);
    expect((unknown as InstanceType<typeof OpenAI.APIError>).message).toContain("unknown emulator.scenario 'expire'");
    const parallel = await openai.responses.create({ model: 'gpt-4o', input: 'Hi', metadata: scenario('function_call', { 'emulator.parallel': '9' }) }).catch((e: unknown) => e);
    expect((parallel as InstanceType<typeof OpenAI.APIError>).param).toBe('metadata');
  });
});
