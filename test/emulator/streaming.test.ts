import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createEmulator, createManualClock, type Clock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';
import { checked, startCheckedBackend } from './checked-backend';
import { expectEventConforms } from './conformance';
import { driveClock, setUpScenario, tick } from './helpers';

type Event = OpenAI.Beta.AssistantStreamEvent;
type AssistantStream = ReturnType<OpenAI['beta']['threads']['runs']['stream']>;

/** Copies each event as it arrives (the SDK later accumulates deltas into the snapshots it hands out). */
function record(stream: AssistantStream): { events: Event[]; done: Promise<void> } {
  const events: Event[] = [];
  stream.on('event', (event) => events.push(structuredClone(event)));
  return { events, done: stream.done() };
}

/** Event names with runs of the same delta folded into one `name*`. */
function shape(events: Event[]): string[] {
  const names: string[] = [];
  for (const { event } of events) {
    const folded = event.endsWith('.delta') ? `${event}*` : event;
    if (names.at(-1) !== folded || !folded.endsWith('*')) names.push(folded);
  }
  return names;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2_000 && !condition(); i += 1) await tick(2);
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

const messagePart = [
  'thread.run.step.created', 'thread.run.step.in_progress', 'thread.message.created', 'thread.message.in_progress',
  'thread.message.delta*', 'thread.message.completed', 'thread.run.step.completed',
];

describe('SSE streams', () => {
  it('runs.stream sends the API event order for a message run, objects equal to GET at that moment', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'message');
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const { events, done } = record(stream);

    // Flushed per event: the first two arrive while emulator time stands still.
    await waitFor(() => events.some((e) => e.event === 'thread.run.queued'), 'thread.run.queued');
    const runId = (events[0]?.data as { id: string }).id;
    const retrieve = () => openai.beta.threads.runs.retrieve(runId, { thread_id: thread.id });
    expect(await retrieve()).toEqual(events.find((e) => e.event === 'thread.run.queued')?.data);

    clock.advance(500);
    await waitFor(() => events.some((e) => e.event === 'thread.message.in_progress'), 'thread.message.in_progress');
    const stepEvent = events.find((e) => e.event === 'thread.run.step.in_progress')?.data as OpenAI.Beta.Threads.Runs.RunStep;
    const messageEvent = events.find((e) => e.event === 'thread.message.in_progress')?.data as OpenAI.Beta.Threads.Message;
    expect(await retrieve()).toEqual(events.find((e) => e.event === 'thread.run.in_progress')?.data);
    expect(await openai.beta.threads.runs.steps.retrieve(stepEvent.id, { thread_id: thread.id, run_id: runId })).toEqual(stepEvent);
    expect(await openai.beta.threads.messages.retrieve(messageEvent.id, { thread_id: thread.id })).toEqual(messageEvent);

    await driveClock(clock, done);
    expect(shape(events)).toEqual(['thread.run.created', 'thread.run.queued', 'thread.run.in_progress', ...messagePart, 'thread.run.completed']);
    events.forEach(expectEventConforms);
    expect(events.filter((e) => e.event === 'thread.message.delta').length).toBeGreaterThanOrEqual(3);
    expect(await retrieve()).toEqual(events.at(-1)?.data);
    const [finalMessage] = await stream.finalMessages();
    const stored = await openai.beta.threads.messages.retrieve(finalMessage?.id ?? '', { thread_id: thread.id });
    expect(finalMessage?.content).toEqual(stored.content);
    expect(stored).toEqual(events.find((e) => e.event === 'thread.message.completed')?.data);
  });

  it('createAndRun streams thread.created first, argument deltas by index, and stops at requires_action; submitToolOutputsStream finishes', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant } = await setUpScenario(openai, 'function_call', { metadata: { 'emulator.parallel': '2' } });
    const stream = openai.beta.threads.createAndRunStream({ assistant_id: assistant.id, thread: { messages: [{ role: 'user', content: 'Weather in Paris and Tokyo?' }] } });
    const first = record(stream);
    await driveClock(clock, first.done);
    expect(shape(first.events)).toEqual([
      'thread.created', 'thread.run.created', 'thread.run.queued', 'thread.run.in_progress', 'thread.run.step.created',
      'thread.run.step.in_progress', 'thread.run.step.delta*', 'thread.run.requires_action',
    ]);
    first.events.forEach(expectEventConforms);
    const run = (await stream.finalRun()) as OpenAI.Beta.Threads.Run;
    const calls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
    expect(calls).toHaveLength(2);
    // Each call opens with id/name/empty arguments; its argument chunks follow under the same index.
    const deltas = first.events.filter((e) => e.event === 'thread.run.step.delta').flatMap((e) => {
      const details = (e.data as OpenAI.Beta.Threads.Runs.RunStepDeltaEvent).delta.step_details;
      return details?.type === 'tool_calls' ? (details.tool_calls ?? []) : [];
    });
    calls.forEach((call, index) => {
      const mine = deltas.filter((d) => d.index === index && d.type === 'function');
      expect(mine[0]).toEqual({ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '', output: null } });
      expect(mine.map((d) => (d.type === 'function' ? (d.function?.arguments ?? '') : '')).join('')).toBe(call.function.arguments);
      expect(mine.length).toBeGreaterThan(2);
    });

    const second = openai.beta.threads.runs.submitToolOutputsStream(run.id, {
      thread_id: run.thread_id,
      tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: '{"temperature":21}' })),
    });
    const after = record(second);
    await driveClock(clock, after.done);
    expect(shape(after.events)).toEqual(['thread.run.step.completed', 'thread.run.queued', 'thread.run.in_progress', ...messagePart, 'thread.run.completed']);
    after.events.forEach(expectEventConforms);
    const answered = after.events[0]?.data as OpenAI.Beta.Threads.Runs.RunStep;
    expect(answered.step_details.type === 'tool_calls' && answered.step_details.tool_calls.map((c) => c.type === 'function' && c.function.output)).toEqual([
      '{"temperature":21}',
      '{"temperature":21}',
    ]);
    expect((await second.finalRun()).status).toBe('completed');
  });

  it('streams code_interpreter input chunks and outputs as step deltas', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'code_interpreter');
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const inputs: string[] = [];
    stream.on('toolCallDelta', (delta) => {
      if (delta.type === 'code_interpreter' && delta.code_interpreter?.input) inputs.push(delta.code_interpreter.input);
    });
    const { events, done } = record(stream);
    await driveClock(clock, done);
    expect(shape(events)).toEqual([
      'thread.run.created', 'thread.run.queued', 'thread.run.in_progress', 'thread.run.step.created', 'thread.run.step.in_progress',
      'thread.run.step.delta*', 'thread.run.step.completed', ...messagePart, 'thread.run.completed',
    ]);
    events.forEach(expectEventConforms);
    const [toolStep] = await stream.finalRunSteps();
    const stored = await openai.beta.threads.runs.steps.retrieve(toolStep?.id ?? '', { thread_id: thread.id, run_id: toolStep?.run_id ?? '' });
    expect(toolStep).toEqual(stored);
    const call = stored.step_details.type === 'tool_calls' ? stored.step_details.tool_calls[0] : undefined;
    expect(inputs.length).toBeGreaterThan(3);
    expect(call?.type === 'code_interpreter' && call.code_interpreter.input).toBe(inputs.join(''));
  });

  it('applies include[] to the step snapshots of a streamed run', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'file_search', { tools: [{ type: 'file_search' }] });
    const contentOf = async (include: boolean) => {
      const stream = openai.beta.threads.runs.stream(thread.id, {
        assistant_id: assistant.id,
        ...(include ? { include: ['step_details.tool_calls[*].file_search.results[*].content' as const] } : {}),
      });
      const { events, done } = record(stream);
      await driveClock(clock, done);
      events.forEach(expectEventConforms);
      const completed = events.find((e) => e.event === 'thread.run.step.completed')?.data as OpenAI.Beta.Threads.Runs.RunStep;
      const call = completed.step_details.type === 'tool_calls' ? completed.step_details.tool_calls[0] : undefined;
      return call?.type === 'file_search' ? call.file_search.results?.[0]?.content : 'no file_search call';
    };
    expect(await contentOf(true)).toEqual([{ type: 'text', text: expect.any(String) }]);
    expect(await contentOf(false)).toBeUndefined();
  });

  it('reports a cancel from another request at once: cancelling, then the open work cancelled', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'slow');
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const { events, done } = record(stream);
    await waitFor(() => events.some((e) => e.event === 'thread.run.queued'), 'thread.run.queued');
    clock.advance(10_000);
    await waitFor(() => events.some((e) => e.event === 'thread.message.delta'), 'a message delta');
    const runId = (events[0]?.data as { id: string }).id;
    await openai.beta.threads.runs.cancel(runId, { thread_id: thread.id });
    await waitFor(() => events.some((e) => e.event === 'thread.run.cancelling'), 'thread.run.cancelling');
    await driveClock(clock, done);
    expect(shape(events).slice(-4)).toEqual(['thread.run.cancelling', 'thread.message.incomplete', 'thread.run.step.cancelled', 'thread.run.cancelled']);
    events.forEach(expectEventConforms);
  });

  it('answers with text/event-stream, one `event:`/`data:` block per event, ending with done', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'message');
    const response = await openai
      .post(`/threads/${thread.id}/runs`, { body: { assistant_id: assistant.id, stream: true }, headers: { 'OpenAI-Beta': 'assistants=v2' }, stream: true })
      .asResponse();
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    const text = await driveClock(clock, response.text());
    const blocks = text.split('\n\n').filter(Boolean);
    for (const block of blocks) expect(block).toMatch(/^event: [a-z._]+\ndata: .+$/);
    expect(blocks.at(-1)).toBe('event: done\ndata: [DONE]');
  });

  it('stops streaming when the client goes away', async () => {
    const inner = createManualClock(Date.UTC(2026, 0, 1));
    let sleeping = 0;
    const clock: Clock = {
      now: inner.now,
      async sleep(ms, signal) {
        sleeping += 1;
        try {
          await inner.sleep(ms, signal);
        } finally {
          sleeping -= 1;
        }
      },
    };
    const server = await serveEmulator(createEmulator({ clock, seed: false }), { port: 0 });
    try {
      const openai = checked(new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 }));
      const { assistant, thread } = await setUpScenario(openai, 'slow');
      const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
      const { events, done } = record(stream);
      done.catch(() => undefined);
      await waitFor(() => events.length >= 2 && sleeping === 1, 'the stream to wait on the clock');
      stream.abort();
      await waitFor(() => sleeping === 0, 'the server-side stream to stop');
      inner.advance(10_000);
      await tick(20);
      expect(sleeping).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('ends open streams when the server closes', async () => {
    const server = await serveEmulator(createEmulator({ clock: createManualClock(Date.UTC(2026, 0, 1)), seed: false }), { port: 0 });
    const openai = checked(new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 }));
    const { assistant, thread } = await setUpScenario(openai, 'slow');
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const { events, done } = record(stream);
    const ended = done.then(
      () => 'finished',
      () => 'cut off',
    );
    await waitFor(() => events.some((e) => e.event === 'thread.run.queued'), 'thread.run.queued');
    const started = Date.now();
    await server.close();
    expect(await ended).toBe('cut off');
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
