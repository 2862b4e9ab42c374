import OpenAI6 from 'openai6';
import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient, RunsApiError, type AssistantStreamEvent, type RunEventStream } from '../../src/core';
import { demoIds } from '../../src/emulator';
import { advanceUntil, settle, startStreamingBackend, type StreamingBackend } from '../support/streaming-backend';

// The RunsClient's streaming forms through the official SDK (openai 7 and 6) against the
// emulator's SSE over real HTTP; streams are cut and failed for real by the proxy in front of it.

const { assistants } = demoIds;

/** Reads a stream to its end while emulator time moves; resolves with its events and how it ended. */
async function drain(backend: StreamingBackend, stream: RunEventStream) {
  const events: AssistantStreamEvent[] = [];
  let outcome: { error: unknown } | 'ended' | undefined;
  void (async () => {
    for await (const event of stream) events.push(event);
  })().then(
    () => (outcome = 'ended'),
    (error: unknown) => (outcome = { error }),
  );
  await advanceUntil(backend.clock, () => outcome !== undefined, 'the stream to end');
  return { events, outcome: outcome! };
}

/** Event names, runs of the same delta folded into one `name*`. */
function shape(events: AssistantStreamEvent[]): string[] {
  const names: string[] = [];
  for (const { event } of events) {
    const folded = event.endsWith('.delta') ? `${event}*` : event;
    if (names.at(-1) !== folded || !folded.endsWith('*')) names.push(folded);
  }
  return names;
}

const messagePart = [
  'thread.run.step.created', 'thread.run.step.in_progress', 'thread.message.created', 'thread.message.in_progress',
  'thread.message.delta*', 'thread.message.completed', 'thread.run.step.completed',
];

describe('RunsClient streaming forms', () => {
  it.each(['openai 7', 'openai 6'])('createRunStream yields the API event order, each event checked (%s)', async (major) => {
    const backend = await startStreamingBackend();
    const client = major === 'openai 7' ? backend.client : createAssistantsRunsClient(new OpenAI6({ apiKey: 'sk-test', baseURL: backend.proxy.url, maxRetries: 0 }));
    const threadId = (await backend.openai.beta.threads.create({})).id;
    const { events, outcome } = await drain(backend, client.createRunStream(threadId, { assistant_id: assistants.message }));

    expect(outcome).toBe('ended');
    expect(shape(events)).toEqual(['thread.run.created', 'thread.run.queued', 'thread.run.in_progress', ...messagePart, 'thread.run.completed']);
    const last = events.at(-1);
    const { run } = await client.getRun(threadId, (last?.data as { id: string }).id);
    expect(last?.data).toEqual(run);
  });

  it('createThreadRunStream starts with thread.created and ends at requires_action; submitToolOutputsStream streams the rest', async () => {
    const backend = await startStreamingBackend();
    const first = await drain(backend, backend.client.createThreadRunStream({ assistant_id: assistants.function_call }));
    expect(shape(first.events)).toEqual([
      'thread.created', 'thread.run.created', 'thread.run.queued', 'thread.run.in_progress', 'thread.run.step.created',
      'thread.run.step.in_progress', 'thread.run.step.delta*', 'thread.run.requires_action',
    ]);
    const waiting = first.events.at(-1);
    if (waiting?.event !== 'thread.run.requires_action') throw new Error('expected requires_action last');
    const run = waiting.data;
    const outputs = (run.required_action?.submit_tool_outputs.tool_calls ?? []).map((call) => ({ tool_call_id: String(call.id), output: '21' }));

    const second = await drain(backend, backend.client.submitToolOutputsStream(run.thread_id, run.id, { tool_outputs: outputs }));
    expect(shape(second.events)).toEqual(['thread.run.step.completed', 'thread.run.queued', 'thread.run.in_progress', ...messagePart, 'thread.run.completed']);
  });

  it('rejects the first next() with the RunsApiError of a refused request, and checks params before sending', async () => {
    const backend = await startStreamingBackend();
    const threadId = (await backend.openai.beta.threads.create({})).id;
    await backend.client.createRun(threadId, { assistant_id: assistants.slow });
    const refused = await drain(backend, backend.client.createRunStream(threadId, { assistant_id: assistants.message }));
    expect(refused.events).toEqual([]);
    const error = (refused.outcome as { error: unknown }).error;
    expect(RunsApiError.is(error) && error.status).toBe(400);
    expect((error as Error).message).toMatch(/already has an active run/);

    const sent = backend.emulator.requests.length;
    const unchecked = await drain(backend, backend.client.submitToolOutputsStream(threadId, 'run_1', { tool_outputs: [] }));
    expect((unchecked.outcome as { error: RunsApiError }).error).toMatchObject({ status: null, param: 'tool_outputs' });
    expect(backend.emulator.requests.length).toBe(sent);
  });

  it("yields the backend's error event and ends; a cut connection rejects with connection_error", async () => {
    const backend = await startStreamingBackend();
    const threadId = (await backend.openai.beta.threads.create({})).id;
    backend.proxy.arm({ kind: 'error', afterFrames: 4, error: { message: 'Overloaded.', type: 'server_error', code: 'overloaded' } });
    const failed = await drain(backend, backend.client.createRunStream(threadId, { assistant_id: assistants.message }));
    expect(failed.outcome).toBe('ended');
    expect(failed.events.map((e) => e.event)).toEqual(['thread.run.created', 'thread.run.queued', 'thread.run.in_progress', 'thread.run.step.created', 'error']);
    expect(failed.events.at(-1)?.data).toEqual({ message: 'Overloaded.', type: 'server_error', param: null, code: 'overloaded' });

    const next = (await backend.openai.beta.threads.create({})).id;
    backend.proxy.arm({ kind: 'cut', afterFrames: 3 });
    const cut = await drain(backend, backend.client.createRunStream(next, { assistant_id: assistants.message }));
    expect((cut.outcome as { error: RunsApiError }).error).toMatchObject({ status: null, type: 'connection_error' });
    expect(cut.events.length).toBeLessThanOrEqual(3);
  });

  it('an aborted signal, or leaving the loop, closes the connection: the emulator stops streaming', async () => {
    const backend = await startStreamingBackend();
    const threadId = (await backend.openai.beta.threads.create({})).id;
    const controller = new AbortController();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const event of backend.client.createRunStream(threadId, { assistant_id: assistants.slow }, { signal: controller.signal })) seen.push(event.event);
    })();
    reading.catch(() => undefined);
    await settle(() => seen.length >= 2 && backend.waitingStreams() === 1, 'the emulator to wait with the stream open');
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    await settle(() => backend.waitingStreams() === 0, 'the emulator to close the stream');

    backend.clock.advance(5_000);
    const run = await backend.client.listRuns(threadId);
    await backend.client.cancelRun(threadId, run.data[0]!.id);
    backend.clock.advance(1_000);
    for await (const event of backend.client.createRunStream(threadId, { assistant_id: assistants.slow })) {
      if (event.event === 'thread.run.queued') break;
    }
    await settle(() => backend.waitingStreams() === 0, 'the emulator to close the stream after break');
  });
});
