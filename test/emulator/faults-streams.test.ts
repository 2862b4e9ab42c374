import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { messageSetUp, rejectionOf, startFaultyBackend, until } from './faults-backend';
import { driveClock, tick } from './helpers';

type AssistantStream = ReturnType<OpenAI['beta']['threads']['runs']['stream']>;

function record(stream: AssistantStream) {
  const events: string[] = [];
  stream.on('event', (event) => events.push(event.event));
  const done = stream.done();
  done.catch(() => undefined);
  return { events, done };
}

/** Reads a raw SSE body to its end or failure; `text` is everything received. */
async function readAll(body: ReadableStream<Uint8Array>): Promise<{ text: string; error: unknown }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, error: undefined };
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, error };
  }
}

const beta = { 'openai-beta': 'assistants=v2', 'content-type': 'application/json' };

describe('faults: SSE streams', () => {
  it('an SSE cut sends N whole events and part of the next, then drops the connection; the run goes on', async () => {
    const { openai, emulator, clock, baseURL } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'sse-cut', afterEvents: 2, route: 'POST /threads/*/runs' }] });
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const { events, done } = record(stream);
    const error = await rejectionOf(driveClock(clock, done));
    expect(events).toEqual(['thread.run.created', 'thread.run.queued']);
    // The SDK's AssistantStream wraps the body's TypeError: terminated in an OpenAIError.
    expect(error).toBeInstanceOf(OpenAI.OpenAIError);
    expect((error as Error).message).toBe('terminated');
    expect(emulator.faults.log).toEqual([expect.objectContaining({ kind: 'sse-cut', when: 'after' })]);

    // Processed, not lost: the run was created and completes.
    emulator.faults.set(null);
    const [run] = (await openai.beta.threads.runs.list(thread.id)).data;
    clock.advance(5_000);
    expect((await openai.beta.threads.runs.retrieve(run!.id, { thread_id: thread.id })).status).toBe('completed');

    emulator.faults.set({ rules: [{ kind: 'sse-cut', afterEvents: 1 }] });
    const raw = await fetch(`${baseURL}/threads/${thread.id}/runs`, { method: 'POST', headers: beta, body: JSON.stringify({ assistant_id: assistant.id, stream: true }) });
    const { text, error: rawError } = await readAll(raw.body!);
    expect((rawError as Error).message).toBe('terminated');
    const [first, partial] = text.split('\n\n');
    expect(first).toMatch(/^event: thread\.run\.created\ndata: \{.*\}$/);
    expect(partial).toMatch(/^event: thread\.run\.queued\ndata: \{/);
    expect(text.endsWith('\n\n')).toBe(false);
  });

  it('a stall sends N events, then holds the connection open, timer-free, until the client aborts', async () => {
    const { openai, emulator, clock } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set('stalling-streams');
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const { events, done } = record(stream);
    // created and queued go out at once, in_progress at 0.5 s; then the stall.
    await until(() => events.length === 2, 'two events');
    clock.advance(500);
    await until(() => emulator.faults.openStalls === 1, 'the stall');
    for (let i = 0; i < 50; i += 1) {
      clock.advance(60_000);
      await tick(2);
    }
    expect(events).toEqual(['thread.run.created', 'thread.run.queued', 'thread.run.in_progress']);
    expect(stream.ended).toBe(false);
    // The run's own stream was released at the stall: nothing waits on the clock while the connection hangs.
    expect(clock.pendingSleeps).toBe(0);

    stream.abort();
    expect(await rejectionOf(done)).toBeInstanceOf(OpenAI.APIUserAbortError);
    await until(() => emulator.faults.openStalls === 0, 'the emulator to release the stalled response');
    expect(clock.pendingSleeps).toBe(0);
  });

  it('a stall on a stream shorter than N holds it open after its last event', async () => {
    const { baseURL, emulator, openai, clock } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'sse-stall', afterEvents: 100 }] });
    const controller = new AbortController();
    const raw = await fetch(`${baseURL}/threads/${thread.id}/runs`, {
      method: 'POST',
      headers: beta,
      body: JSON.stringify({ assistant_id: assistant.id, stream: true }),
      signal: controller.signal,
    });
    const reading = readAll(raw.body!);
    await until(() => emulator.faults.openStalls === 1 || clock.pendingSleeps > 0, 'the stream');
    while (emulator.faults.openStalls === 0) {
      clock.advance(500);
      await tick(5);
    }
    controller.abort();
    const { text, error } = await reading;
    expect(text).toContain('event: thread.run.completed');
    expect(text).toContain('event: done\ndata: [DONE]\n\n');
    expect((error as Error).name).toBe('AbortError');
    await until(() => emulator.faults.openStalls === 0, 'release');
  });

  it('a reset on a stream drops it after afterBytes bytes', async () => {
    const { baseURL, emulator, openai } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'reset', afterBytes: 100, route: 'POST /threads/*/runs' }] });
    const raw = await fetch(`${baseURL}/threads/${thread.id}/runs`, { method: 'POST', headers: beta, body: JSON.stringify({ assistant_id: assistant.id, stream: true }) });
    const { text, error } = await readAll(raw.body!);
    expect(text).toHaveLength(100);
    expect((error as Error).message).toBe('terminated');
  });

  it('schema-breaking payloads reach streams: the first event carries a run whose status is a number', async () => {
    const { openai, emulator, clock } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'schema', route: 'POST /threads/*/runs' }] });
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const statuses: unknown[] = [];
    stream.on('event', (event) => {
      if (/^thread\.run\.(?!step)/.test(event.event)) statuses.push((event.data as { status: unknown }).status);
    });
    await driveClock(clock, stream.done());
    expect(statuses).toEqual([200, 'queued', 'in_progress', 'completed']);
  });

  it('a slow body trickles an SSE stream too, on the emulator clock', async () => {
    const { openai, emulator, clock } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'slow-body', chunkBytes: 32, intervalMs: 10, route: 'POST /threads/*/runs' }] });
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const { events, done } = record(stream);
    await tick(50);
    expect(events).toEqual([]);
    await driveClock(clock, done, 10);
    expect(events.at(0)).toBe('thread.run.created');
    expect(events.at(-1)).toBe('thread.run.completed');
    expect(clock.pendingSleeps).toBe(0);
  });
});
