import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import type { AssistantStreamEvent, Message, Run, RunsClient } from '../../../src/core';
import { createResponsesRunsClient } from '../../../src/backends/responses/client';
import { driveClock } from '../../emulator/helpers';
import { startSseProxy } from '../../support/sse-proxy';
import { startResponsesEmulator } from './emulator';

// The Responses backend's streams, as the query layer reads them: Assistants events with whole
// objects, through the official SDK over HTTP to the emulator (and through a proxy that cuts the
// socket, for resuming).

const weather = { model: 'gpt-4o', metadata: { 'emulator.scenario': 'function_call' }, tools: [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }] };
const clientOver = (openai: OpenAI): RunsClient => createResponsesRunsClient(openai, { assistants: { asst_weather: weather, asst_chat: { model: 'gpt-4o' } } });

async function collect(stream: AsyncIterable<AssistantStreamEvent>): Promise<AssistantStreamEvent[]> {
  const events: AssistantStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

const runEvents = (events: AssistantStreamEvent[]) => events.filter((event): event is AssistantStreamEvent & { data: Run } => event.event.startsWith('thread.run.') && !event.event.startsWith('thread.run.step'));
const lastMessage = (events: AssistantStreamEvent[]) => events.filter((event) => event.event.startsWith('thread.message.')).at(-1)?.data as Message | undefined;
const textOf = (message: Message | undefined) => (message?.content[0]?.type === 'text' ? message.content[0].text.value : undefined);

describe('createResponsesRunsClient: streams', () => {
  it('streams a run to requires_action, then the submitted outputs to completed, ending where GET does', async () => {
    const { openai, clock, conversationId } = await startResponsesEmulator();
    const client = clientOver(openai);
    const asked = await driveClock(clock, collect(client.createRunStream(conversationId, { assistant_id: 'asst_weather' })));
    const first = runEvents(asked);
    expect(first[0]?.data.status).toMatch(/queued|in_progress/);
    expect(first.at(-1)).toMatchObject({ event: 'thread.run.requires_action' });
    const runId = first[0]!.data.id;
    const { run: waiting } = await client.getRun(conversationId, runId);
    expect(first.at(-1)!.data).toEqual(waiting);
    // The function call's arguments as streamed are what GET gives.
    const streamedStep = asked.filter((event) => event.event.startsWith('thread.run.step.')).at(-1)!.data;
    expect((await client.listRunSteps(conversationId, runId, { order: 'asc' })).data).toContainEqual(streamedStep);

    const calls = waiting.required_action!.submit_tool_outputs.tool_calls;
    const answered = await driveClock(
      clock,
      collect(client.submitToolOutputsStream(conversationId, runId, { tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: '{"temperature": 21}' })) })),
    );
    // From its first events on, the answered calls show their outputs.
    expect(answered.filter((event) => event.event === 'thread.run.step.completed').slice(0, calls.length).map((event) => event.data)).toEqual(
      calls.map(() => expect.objectContaining({ step_details: expect.objectContaining({ tool_calls: [expect.objectContaining({ function: expect.objectContaining({ output: '{"temperature": 21}' }) })] }) })),
    );
    expect(runEvents(answered).at(-1)).toMatchObject({ event: 'thread.run.completed', data: { id: runId, status: 'completed' } });
    const steps = (await client.listRunSteps(conversationId, runId, { order: 'asc' })).data;
    const messageStep = steps.at(-1)!;
    const messageId = messageStep.step_details.type === 'message_creation' ? messageStep.step_details.message_creation.message_id : '';
    expect(textOf(lastMessage(answered))).toBe(textOf(await client.getMessage(conversationId, messageId)));
  });

  it('picks a cut stream up where it stopped: every delta once, the same reply as GET, through a proxy that cuts the socket', async () => {
    const { emulator, clock, baseURL, conversationId } = await startResponsesEmulator();
    const proxy = await startSseProxy(baseURL);
    const client = clientOver(new OpenAI({ apiKey: 'sk-emulator', baseURL: proxy.url, maxRetries: 0 }));
    proxy.arm({ kind: 'cut', afterFrames: 6 });
    const events = await driveClock(clock, collect(client.createRunStream(conversationId, { assistant_id: 'asst_chat' })));
    expect(await proxy.faulted()).toBe(6);
    const resumed = emulator.requests.filter((request) => request.method === 'GET' && /stream=true/.test(request.search) && /starting_after=\d+/.test(request.search));
    expect(resumed).toHaveLength(1);
    const run = runEvents(events).at(-1)!;
    expect(run).toMatchObject({ event: 'thread.run.completed' });
    const steps = (await client.listRunSteps(run.data.thread_id, run.data.id)).data;
    const messageId = steps[0]!.step_details.type === 'message_creation' ? steps[0]!.step_details.message_creation.message_id : '';
    const served = textOf(await client.getMessage(conversationId, messageId));
    expect(served).toBeTruthy();
    // Snapshot by snapshot the text only grows, and ends as GET has it: no delta lost or doubled.
    const texts = events.filter((event) => event.event.startsWith('thread.message.')).map((event) => textOf(event.data as Message) ?? '');
    texts.forEach((text, i) => expect(text.startsWith(texts[i - 1] ?? '')).toBe(true));
    expect(texts.at(-1)).toBe(served);
  });

  it('falls back when a stream is cut before the response has an id: the cut is reported, not hidden', async () => {
    const { clock, baseURL, conversationId } = await startResponsesEmulator();
    const proxy = await startSseProxy(baseURL);
    const client = clientOver(new OpenAI({ apiKey: 'sk-emulator', baseURL: proxy.url, maxRetries: 0 }));
    proxy.arm({ kind: 'cut', afterFrames: 0 });
    await expect(driveClock(clock, collect(client.createRunStream(conversationId, { assistant_id: 'asst_chat' })))).rejects.toMatchObject({
      type: 'connection_error',
      message: expect.stringMatching(/cut off before the server said which response it started .*The run may have started, but runlens never learned its id/),
    });
  });
});
