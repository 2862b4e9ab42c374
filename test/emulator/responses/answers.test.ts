import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startResponsesBackend } from './backend';
import { messageText, scenario } from './helpers';

type FunctionCall = OpenAI.Responses.ResponseFunctionToolCall;
const calls = (response: OpenAI.Responses.Response): FunctionCall[] => response.output.filter((item): item is FunctionCall => item.type === 'function_call');
const answer = (response: OpenAI.Responses.Response, tag: string): OpenAI.Responses.ResponseInputItem.FunctionCallOutput[] =>
  calls(response).map((call, i) => ({ type: 'function_call_output', call_id: call.call_id, output: `${tag}-${i}` }));

describe('responses: answering function calls', () => {
  it('with previous_response_id: each answer gets another round until emulator.rounds, then a message quoting the outputs', async () => {
    const { openai } = await startResponsesBackend();
    const first = await openai.responses.create({
      model: 'gpt-4o', input: 'Weather in two cities?', metadata: scenario('function_call', { 'emulator.parallel': '2', 'emulator.rounds': '2' }),
    });
    expect(calls(first)).toHaveLength(2);
    // The follow-ups carry no metadata: the scenario is read from the previous turn.
    const second = await openai.responses.create({ model: 'gpt-4o', previous_response_id: first.id, input: answer(first, 'sunny') });
    expect(second.previous_response_id).toBe(first.id);
    expect(calls(second)).toHaveLength(2);
    const third = await openai.responses.create({ model: 'gpt-4o', previous_response_id: second.id, input: answer(second, 'rain') });
    expect(calls(third)).toHaveLength(0);
    expect(messageText(third)).toContain('I called 4 tools and got back: sunny-0; sunny-1; rain-0; rain-1.');
    expect(messageText(third)).toContain('Weather in two cities?');
    const inputs = await openai.responses.inputItems.list(third.id, { order: 'asc' });
    expect(inputs.data.map((item) => item.type)).toEqual(['function_call_output', 'function_call_output']);
  });

  it('with the same conversation: outputs answer the calls the conversation holds', async () => {
    const { openai } = await startResponsesBackend();
    const conversation = await openai.conversations.create({ metadata: scenario('function_call') });
    const first = await openai.responses.create({ model: 'gpt-4o', conversation: conversation.id, input: 'Weather?' });
    expect(calls(first)).toHaveLength(1);
    const second = await openai.responses.create({ model: 'gpt-4o', conversation: conversation.id, input: answer(first, '21C') });
    expect(messageText(second)).toContain('got back: 21C-0');
    const items = await openai.conversations.items.list(conversation.id, { order: 'asc' });
    expect(items.data.map((item) => item.type)).toEqual(['message', 'function_call', 'function_call_output', 'message']);
    expect(items.data[1]).toEqual(first.output[0]);
  });

  it('stateless: the whole turn resent as input (calls and outputs), with neither previous_response_id nor conversation', async () => {
    const { openai } = await startResponsesBackend();
    const metadata = scenario('function_call', { 'emulator.parallel': '2' });
    const question: OpenAI.Responses.ResponseInputItem = { role: 'user', content: 'Weather?' };
    const first = await openai.responses.create({ model: 'gpt-4o', store: false, input: [question], metadata });
    const turn: OpenAI.Responses.ResponseInput = [question, ...calls(first), ...answer(first, 'fog')];
    const second = await openai.responses.create({ model: 'gpt-4o', input: turn, metadata });
    expect(second.previous_response_id).toBeNull();
    expect(messageText(second)).toContain('I called 2 tools and got back: fog-0; fog-1.');
    // The resent calls keep their ids; each input item is listed as the API stores it.
    const inputs = await openai.responses.inputItems.list(second.id, { order: 'asc' });
    expect(inputs.data.map((item) => item.type)).toEqual(['message', 'function_call', 'function_call', 'function_call_output', 'function_call_output']);
    expect(inputs.data.slice(1, 3)).toEqual(calls(first));
  });

  it('a background answer moves on the clock like any background response', async () => {
    const { openai, clock } = await startResponsesBackend();
    const first = await openai.responses.create({ model: 'gpt-4o', input: 'Weather?', metadata: scenario('function_call') });
    const second = await openai.responses.create({ model: 'gpt-4o', previous_response_id: first.id, input: answer(first, 'hail'), background: true });
    expect(second.status).toBe('queued');
    clock.advance(3_000);
    expect(messageText(await openai.responses.retrieve(second.id))).toContain('hail-0');
  });
});
