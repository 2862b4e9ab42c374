import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { fetchOnlyBackend, messageSetUp, rejectionOf, until } from './faults-backend';
import { driveClock } from './helpers';

// The emulator as a Fetch handler (browser, MSW, `new OpenAI({ fetch: emulator.fetch })`): the same
// faults, told the way fetch tells them. No HTTP underneath.

describe('faults through emulator.fetch', () => {
  it("a reset at 'headers' makes fetch reject (TypeError: fetch failed): the SDK's APIConnectionError", async () => {
    const { openai, emulator } = fetchOnlyBackend({ rules: [{ kind: 'reset', at: 'headers' }] });
    const error = await rejectionOf(openai.beta.assistants.list());
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(((error as Error).cause as Error).message).toBe('fetch failed');

    // handle() answers Response.error(), the Fetch way to say "network error" (MSW, service workers).
    const response = await emulator.handle(new Request('http://emulator.test/v1/assistants', { headers: { 'openai-beta': 'assistants=v2' } }));
    expect(response.type).toBe('error');
  });

  it("a reset at 'body' errors the body stream after some bytes, like a dropped connection", async () => {
    const { openai, emulator } = fetchOnlyBackend();
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o' });
    emulator.faults.set({ rules: [{ kind: 'reset', afterBytes: 20 }] });
    const error = await rejectionOf(openai.beta.assistants.retrieve(assistant.id));
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toBe('terminated');

    const response = await emulator.fetch(`http://emulator.test/v1/assistants/${assistant.id}`, { headers: { 'openai-beta': 'assistants=v2' } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe(JSON.stringify(assistant).slice(0, 20));
    expect(await rejectionOf(reader.read())).toBeInstanceOf(TypeError);
  });

  it('truncated JSON: the body ends cleanly, short; the SDK fails to parse it', async () => {
    const { openai, emulator } = fetchOnlyBackend();
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o' });
    emulator.faults.set({ rules: [{ kind: 'truncate' }] });
    expect(await rejectionOf(openai.beta.assistants.retrieve(assistant.id))).toBeInstanceOf(SyntaxError);
    const text = await (await emulator.fetch(`http://emulator.test/v1/assistants/${assistant.id}`, { headers: { 'openai-beta': 'assistants=v2' } })).text();
    const whole = JSON.stringify(assistant);
    expect(text).toBe(whole.slice(0, Math.floor(whole.length / 2)));
  });

  it('an SSE cut: two events, then the stream fails', async () => {
    const { openai, emulator, clock } = fetchOnlyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set('broken-streams');
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const events: string[] = [];
    stream.on('event', (event) => events.push(event.event));
    const error = await rejectionOf(driveClock(clock, stream.done()));
    expect((error as Error).message).toBe('terminated');
    expect(events).toEqual(['thread.run.created', 'thread.run.queued', 'thread.run.in_progress']);
  });

  it('a stall holds the stream until the SDK aborts; the emulator then releases it', async () => {
    const { openai, emulator, clock } = fetchOnlyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'sse-stall', afterEvents: 1 }] });
    const stream = openai.beta.threads.runs.stream(thread.id, { assistant_id: assistant.id });
    const events: string[] = [];
    stream.on('event', (event) => events.push(event.event));
    const done = stream.done();
    done.catch(() => undefined);
    await until(() => emulator.faults.openStalls === 1, 'the stall');
    clock.advance(600_000);
    expect(events).toEqual(['thread.run.created']);
    expect(clock.pendingSleeps).toBe(0);
    stream.abort();
    expect(await rejectionOf(done)).toBeInstanceOf(OpenAI.APIUserAbortError);
    await until(() => emulator.faults.openStalls === 0, 'release');
  });
});
