import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parsePayload } from '../../src/api/payload';
import {
  conversationItemListSchema,
  conversationSchema,
  responseItemListSchema,
  responseSchema,
  responseStreamEventSchema,
  type ResponseObject,
  type ResponseStreamEvent,
} from '../../src/api/schemas/responses/index';
import { createEmulator, createManualClock, type ManualClock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';

// The Responses schemas against what a server really sends: the official SDK over HTTP to the
// emulator. Bodies are read raw (`asResponse()`), as the SDK adds fields of its own (`output_text`).

let clock: ManualClock;
let openai: OpenAI;
let close: () => Promise<void>;

beforeEach(async () => {
  clock = createManualClock(Date.UTC(2026, 0, 1));
  const server = await serveEmulator(createEmulator({ clock, seed: false }), { port: 0, host: '127.0.0.1' });
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
  close = server.close;
});
afterEach(() => close());

const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'incomplete']);

/** Retrieves the response, moving emulator time, until it is terminal; every body through the schema. */
async function retrieveUntilTerminal(id: string): Promise<ResponseObject> {
  for (let i = 0; i < 400; i += 1) {
    const raw = await openai.responses.retrieve(id).asResponse();
    const response = parsePayload('getRun', responseSchema, await raw.text());
    if (TERMINAL.has(response.status)) return response;
    clock.advance(250);
  }
  throw new Error(`response ${id} never ended`);
}

/** Starts a background streamed response, leaves its live stream, and waits for the end. */
async function runToEnd(body: Omit<OpenAI.Responses.ResponseCreateParamsStreaming, 'stream' | 'background'>): Promise<ResponseObject> {
  const stream = await openai.responses.create({ ...body, background: true, stream: true });
  let id: string | undefined;
  for await (const event of stream) {
    if (event.type === 'response.created') {
      id = event.response.id;
      break; // leaving the loop closes the connection; the background response runs on
    }
  }
  if (!id) throw new Error('no response.created event');
  return retrieveUntilTerminal(id);
}

/** The finished response's whole stream again (`GET /responses/{id}?stream=true`), each event parsed. */
async function replay(id: string): Promise<ResponseStreamEvent[]> {
  const events: ResponseStreamEvent[] = [];
  for await (const event of await openai.responses.retrieve(id, { stream: true })) events.push(responseStreamEventSchema.parse(event));
  return events;
}

function expectWellOrdered(events: ResponseStreamEvent[], terminal: string): void {
  expect(events.map((event) => event.type)).not.toContain('unknown');
  const numbers = events.map((event) => event.sequence_number);
  expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(events[0]?.type).toBe('response.created');
  expect(events.at(-1)?.type).toBe(terminal);
}

describe('what the emulator serves parses', () => {
  it('a function-calling run: a chain of two background responses, their events and items', async () => {
    const created = await openai.conversations.create({ metadata: { topic: 'weather' } }).asResponse();
    const conversation = parsePayload('createThread', conversationSchema, await created.text());
    const first = await runToEnd({
      model: 'gpt-5',
      input: 'Weather in Oslo?',
      conversation: conversation.id,
      metadata: { 'emulator.scenario': 'function_call' },
    });
    expect(first).toMatchObject({ status: 'completed', background: true, conversation: { id: conversation.id }, error: null });
    const calls = first.output.filter((item) => item.type === 'function_call');
    expect(calls.length).toBeGreaterThan(0);
    expectWellOrdered(await replay(first.id), 'response.completed');

    const second = await runToEnd({
      model: 'gpt-5',
      previous_response_id: first.id,
      input: calls.map((call) => ({ type: 'function_call_output' as const, call_id: call.call_id, output: '{"temperature":21}' })),
      metadata: { 'emulator.scenario': 'function_call' },
    });
    expect(second).toMatchObject({ status: 'completed', previous_response_id: first.id });
    expect(second.usage).toMatchObject({ input_tokens: expect.any(Number), total_tokens: expect.any(Number) });

    const inputItemsBody = await openai.responses.inputItems.list(second.id).asResponse();
    const inputItems = parsePayload('listRunSteps', responseItemListSchema, await inputItemsBody.text());
    expect(inputItems.data.map((item) => item.type)).toContain('function_call_output');
    const itemsBody = await openai.conversations.items.list(conversation.id).asResponse();
    const items = parsePayload('listMessages', conversationItemListSchema, await itemsBody.text());
    expect(items.data.map((item) => item.type)).toContain('function_call');
    expect(items.data.map((item) => item.type)).not.toContain('unknown');
  });

  it.each([
    ['message', 'completed', ['message']],
    ['reasoning', 'completed', ['reasoning', 'message']],
    ['fail', 'failed', ['message']],
    ['incomplete', 'incomplete', ['message']],
  ] as const)('the %s scenario: the final response and every event', async (scenario, status, itemTypes) => {
    const response = await runToEnd({ model: 'gpt-5', input: 'Hello', metadata: { 'emulator.scenario': scenario } });
    expect(response.status).toBe(status);
    expect(response.output.map((item) => item.type)).toEqual(itemTypes);
    if (status === 'failed') expect(response.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    if (status === 'incomplete') expect(response.incomplete_details).toMatchObject({ reason: expect.any(String) });
    expectWellOrdered(await replay(response.id), `response.${status}`);
  });
});
