import { Agent, tool } from '@openai/agents';
import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { expectApiError } from '../helpers';
import { emulatorScenario, startAgentsBackend } from './agents-backend';
import { startResponsesBackend } from './backend';
import { collect, driveClock, messageText, scenario } from './helpers';

// What the OpenAI Agents SDK sends beyond a plain function-tool turn, each answered as the API does:
// `text.format` (an agent's `outputType`), tool outputs given as content parts, `store: false`,
// `tool_choice` (an agent's `modelSettings.toolChoice`).

const forecast = {
  type: 'object',
  properties: {
    city: { type: 'string' },
    temperature_c: { type: 'integer', minimum: -30, maximum: 45 },
    sky: { type: 'string', enum: ['sunny', 'cloudy', 'rain'] },
  },
  required: ['city', 'temperature_c', 'sky'],
  additionalProperties: false,
};
const jsonSchema = { format: { type: 'json_schema' as const, name: 'forecast', strict: true, schema: forecast } };

/** A get_weather tool that records the cities it was asked about. */
function weatherTool(cities: string[] = []) {
  return tool({
    name: 'get_weather',
    description: 'Weather in a city.',
    parameters: z.object({ city: z.string() }),
    execute: async ({ city }) => {
      cities.push(city);
      return `18°C in ${city}`;
    },
  });
}

function expectForecast(text: string): void {
  const value = JSON.parse(text) as Record<string, unknown>;
  expect(Object.keys(value)).toEqual(['city', 'temperature_c', 'sky']);
  expect(value.city).toEqual(expect.any(String));
  const temperature = value.temperature_c as number;
  expect(Number.isInteger(temperature) && temperature >= -30 && temperature <= 45).toBe(true);
  expect(['sunny', 'cloudy', 'rain']).toContain(value.sky);
}

describe('responses: forms the Agents SDK sends', () => {
  it('text.format json_schema: the reply is JSON matching the schema, streamed or not, and echoed in `text`', async () => {
    const { openai, clock } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Forecast for Paris', text: jsonSchema });
    expectForecast(messageText(response));
    expect(response.text).toEqual(jsonSchema);

    const stream = await openai.responses.create({ model: 'gpt-4o', input: 'Forecast for Paris', text: jsonSchema, stream: true });
    const events = await driveClock(clock, collect(stream));
    const deltas = events.flatMap((event) => (event.type === 'response.output_text.delta' ? [event.delta] : [])).join('');
    expectForecast(deltas);
    expect(events.find((event) => event.type === 'response.output_text.done')).toMatchObject({ text: deltas });
  });

  it('text.format json_object: the reply is a JSON object; after tool outputs too', async () => {
    const { openai } = await startResponsesBackend();
    const text = { format: { type: 'json_object' as const } };
    const first = await openai.responses.create({ model: 'gpt-4o', input: 'Weather as JSON', text, metadata: scenario('function_call') });
    const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    const output = { type: 'function_call_output' as const, call_id: call.call_id, output: '18°C' };
    const answer = await openai.responses.create({ model: 'gpt-4o', previous_response_id: first.id, input: [output], text });
    expect(JSON.parse(messageText(answer))).toEqual({ answer: expect.stringMatching(/^I called 1 tool and got back: 18°C\./) });
  });

  it('text.format is checked: json_schema needs a name and a schema; the type is one the API knows', async () => {
    const { openai } = await startResponsesBackend();
    const create = (format: Record<string, unknown>) => openai.responses.create({ model: 'gpt-4o', input: 'Hi', text: { format } as never });
    const missing = (param: string) => ({ status: 400, message: `Missing required parameter: '${param}'.`, param, code: 'missing_required_parameter' });
    await expectApiError(create({ type: 'json_schema', name: 'forecast' }), missing('text.format.schema'));
    await expectApiError(create({ type: 'json_schema', schema: forecast }), missing('text.format.name'));
    await expectApiError(create({ type: 'xml' }), { status: 400, message: /^Invalid value: 'xml'\./, param: 'text.format.type', code: 'invalid_value' });
  });

  it('an agent with an outputType gets its final output as that type, after its tool round', async () => {
    const backend = await startAgentsBackend();
    const agent = new Agent({
      name: 'Forecaster',
      model: 'gpt-4.1',
      tools: [weatherTool()],
      outputType: z.object({ city: z.string(), temperature_c: z.number().int(), sky: z.enum(['sunny', 'cloudy', 'rain']) }),
      modelSettings: emulatorScenario('function_call'),
    });
    const result = await backend.runner.run(agent, 'Forecast for Paris');
    expect(result.newItems.map((item) => item.type)).toEqual(['tool_call_item', 'tool_call_output_item', 'message_output_item']);
    expect(result.finalOutput).toEqual({ city: expect.any(String), temperature_c: expect.any(Number), sky: expect.stringMatching(/^(sunny|cloudy|rain)$/) });
    expect(backend.sent.map((request) => (request.body.text as { format?: { type?: string } } | undefined)?.format?.type)).toEqual(['json_schema', 'json_schema']);
  });

  it('a tool output given as content parts is read by its text (images and files named)', async () => {
    const { openai } = await startResponsesBackend();
    const first = await openai.responses.create({ model: 'gpt-4o', input: 'Show me the chart', metadata: scenario('function_call') });
    const call = first.output[0] as OpenAI.Responses.ResponseFunctionToolCall;
    // Stateless: the whole turn again, the call and its output as parts.
    const answer = await openai.responses.create({
      model: 'gpt-4o',
      metadata: scenario('function_call'),
      input: [
        { role: 'user', content: 'Show me the chart' },
        { type: 'function_call', call_id: call.call_id, name: call.name, arguments: call.arguments },
        {
          type: 'function_call_output',
          call_id: call.call_id,
          output: [
            { type: 'input_text', text: 'Sales rose 12%.' },
            { type: 'input_image', image_url: 'https://example.com/chart.png', detail: 'auto' },
            { type: 'input_file', filename: 'sales.csv', file_data: 'data:text/csv;base64,YSxi' },
          ],
        },
      ],
    });
    expect(messageText(answer)).toBe('I called 1 tool and got back: Sales rose 12%. [image] [file sales.csv]. Based on that, here is my answer to “Show me the chart”.');
  });

  it('store: false with parallel calls: the SDK resends the whole turn each time and nothing is kept', async () => {
    const backend = await startAgentsBackend();
    const cities: string[] = [];
    const agent = new Agent({
      name: 'Weather agent',
      model: 'gpt-4.1',
      tools: [weatherTool(cities)],
      modelSettings: { store: false, ...emulatorScenario('function_call', { 'emulator.parallel': '2' }) },
    });
    const result = await backend.runner.run(agent, 'Weather in two cities?');
    expect(cities).toHaveLength(2);
    expect(result.finalOutput).toMatch(/^I called 2 tools and got back: 18°C in .+; 18°C in .+\./);
    const second = backend.sent[1]?.body ?? {};
    expect(second).toMatchObject({ store: false });
    expect((second.input as { type?: string }[]).map((item) => item.type ?? 'message')).toEqual(['message', 'function_call', 'function_call', 'function_call_output', 'function_call_output']);
    await expectApiError(backend.openai.responses.retrieve(result.lastResponseId ?? ''), { status: 404, message: /not found/ });
  });

  it("tool_choice 'required' calls a function tool with no scenario; the SDK resets it after the round and gets the answer", async () => {
    const backend = await startAgentsBackend();
    const cities: string[] = [];
    const agent = new Agent({ name: 'Weather agent', model: 'gpt-4.1', tools: [weatherTool(cities)], modelSettings: { toolChoice: 'required' } });
    const result = await backend.runner.run(agent, 'Weather?');
    expect(cities).toHaveLength(1);
    expect(result.finalOutput).toBe(`I called 1 tool and got back: 18°C in ${cities[0]}. Based on that, here is my answer to “Weather?”.`);
    expect(backend.sent.map((request) => [request.body.tool_choice, request.body.metadata])).toEqual([['required', undefined], [undefined, undefined]]);
  });

  it("tool_choice 'none' makes no calls, even under the function_call scenario", async () => {
    const { openai } = await startResponsesBackend();
    const tools: OpenAI.Responses.FunctionTool[] = [{ type: 'function', name: 'get_weather', strict: false, parameters: { type: 'object', properties: { city: { type: 'string' } } } }];
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Weather?', tools, tool_choice: 'none', metadata: scenario('function_call') });
    expect(response.output.map((item) => item.type)).toEqual(['message']);
  });
});
