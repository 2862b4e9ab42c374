import { Agent, tool, type RunStreamEvent } from '@openai/agents';
import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emulatorScenario, startAgentsBackend, type AgentsBackend } from './agents-backend';
import { driveClock } from './helpers';

// The Agents SDK's default form: no previous_response_id, no conversation; each model call resends
// the whole turn (user message, the function_call items, their function_call_output) as `input`.

function weatherAgent() {
  const calls: { city: string }[] = [];
  const getWeather = tool({
    name: 'get_weather',
    description: 'The current weather in a city.',
    parameters: z.object({ city: z.string() }),
    execute: async (args) => {
      calls.push(args);
      return `18°C and sunny in ${args.city}`;
    },
  });
  const agent = new Agent({
    name: 'Weather agent',
    instructions: 'Answer weather questions with the get_weather tool.',
    model: 'gpt-4.1',
    tools: [getWeather],
    modelSettings: emulatorScenario('function_call'),
  });
  return { agent, calls };
}

type RunResultLike = { finalOutput?: unknown; rawResponses: { responseId?: string }[] };

/** What both runs must show: one tool round from the emulator's call, then its after-tools reply, all stateless. */
async function expectStatelessToolRun(backend: AgentsBackend, calls: { city: string }[], result: RunResultLike, stream: boolean) {
  const { finalOutput } = result;
  const creates = backend.sent.filter((request) => request.method === 'POST' && request.path === '/v1/responses');
  expect(backend.sent).toEqual(creates);
  expect(backend.emulator.requests.map(({ method, path }) => `${method} ${path}`)).toEqual(['POST /v1/responses', 'POST /v1/responses']);
  const [first, second] = creates.map((request) => request.body);
  for (const body of [first, second]) {
    expect(body).toMatchObject({ model: 'gpt-4.1', stream, tools: [{ type: 'function', name: 'get_weather' }], metadata: { 'emulator.scenario': 'function_call' } });
    expect(body?.previous_response_id ?? null).toBeNull();
    expect(body?.conversation ?? null).toBeNull();
  }

  // The call the emulator produced (its responses are stored: the SDK leaves `store` unset).
  const { openai } = backend;
  expect(result.rawResponses).toHaveLength(2);
  const [firstId = '', secondId = ''] = result.rawResponses.map((response) => response.responseId ?? '');
  const produced = (await openai.responses.retrieve(firstId)).output;
  expect(produced).toHaveLength(1);
  const call = produced[0] as OpenAI.Responses.ResponseFunctionToolCall;
  expect(call).toMatchObject({ type: 'function_call', name: 'get_weather' });
  expect(calls).toEqual([JSON.parse(call.arguments)]);
  const toolOutput = `18°C and sunny in ${calls[0]?.city}`;

  // The second call resends the whole turn, the call and its output included.
  expect(second?.input).toEqual([
    { role: 'user', content: 'What is the weather in Paris?' },
    expect.objectContaining({ type: 'function_call', call_id: call.call_id, name: 'get_weather', arguments: call.arguments }),
    expect.objectContaining({ type: 'function_call_output', call_id: call.call_id, output: toolOutput }),
  ]);
  const answer = await openai.responses.retrieve(secondId);
  expect(answer).toMatchObject({ status: 'completed', previous_response_id: null, conversation: null });
  expect(finalOutput).toBe(`I called 1 tool and got back: ${toolOutput}. Based on that, here is my answer to “What is the weather in Paris?”.`);
  expect(answer.output_text).toBe(finalOutput);
}

describe('responses: the OpenAI Agents SDK, stateless', () => {
  it('runs an agent with a function tool to its final answer, not streamed', async () => {
    const backend = await startAgentsBackend();
    const { agent, calls } = weatherAgent();
    const result = await backend.runner.run(agent, 'What is the weather in Paris?');
    await expectStatelessToolRun(backend, calls, result, false);
    expect(result.newItems.map((item) => item.type)).toEqual(['tool_call_item', 'tool_call_output_item', 'message_output_item']);
  });

  it('runs it streamed: events as the clock moves, the same stateless turn, the same final answer', async () => {
    const backend = await startAgentsBackend();
    const { agent, calls } = weatherAgent();
    const result = await backend.runner.run(agent, 'What is the weather in Paris?', { stream: true });
    const events: RunStreamEvent[] = [];
    await driveClock(backend.clock, (async () => {
      for await (const event of result) events.push(event);
      await result.completed;
    })());
    expect(result.error).toBeNull();
    await expectStatelessToolRun(backend, calls, result, true);
    expect(events.flatMap((event) => (event.type === 'run_item_stream_event' ? [event.name] : []))).toEqual(['tool_called', 'tool_output', 'message_output_created']);
    const text = events.flatMap((event) => (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta' ? [event.data.delta] : [])).join('');
    expect(text).toBe(result.finalOutput);
    const raw = events.flatMap((event) => (event.type === 'raw_model_stream_event' && event.data.type === 'model' ? [(event.data.event as { type: string }).type] : []));
    expect(raw).toContain('response.function_call_arguments.delta');
    expect(raw.filter((type) => type === 'response.completed')).toHaveLength(2);
  });
});
