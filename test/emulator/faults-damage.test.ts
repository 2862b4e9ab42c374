import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { expectFaultError, messageSetUp, rejectionOf, runAwaitingOutputs, startFaultyBackend } from './faults-backend';
import { tick } from './helpers';

const beta = { 'openai-beta': 'assistants=v2' };

/** Node's fetch (undici) on a connection dropped mid-body: `TypeError: terminated`, caused by the socket closing. */
function expectTerminated(error: unknown): void {
  expect(error).toBeInstanceOf(TypeError);
  expect(error).not.toBeInstanceOf(OpenAI.APIError);
  expect((error as Error).message).toBe('terminated');
}

describe('faults: connection resets', () => {
  it("at 'body': status and half the body arrive, then the socket closes; the SDK's body read fails with TypeError: terminated", async () => {
    const { openai, emulator, baseURL } = await startFaultyBackend();
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o' });
    emulator.faults.set({ rules: [{ kind: 'reset', route: 'GET /assistants/*' }] });
    const error = await rejectionOf(openai.beta.assistants.retrieve(assistant.id));
    expectTerminated(error);
    expect(((error as Error).cause as { code?: string }).code).toBe('UND_ERR_SOCKET');

    const raw = await fetch(`${baseURL}/assistants/${assistant.id}`, { headers: beta });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('x-request-id')).toBe(emulator.faults.log[1]?.requestId);
    const reader = raw.body!.getReader();
    let received = '';
    const failure = await (async () => {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return undefined;
        received += new TextDecoder().decode(value);
      }
    })().catch((e: unknown) => e);
    expectTerminated(failure);
    const whole = JSON.stringify(assistant);
    expect(received.length).toBe(Math.floor(whole.length / 2));
    expect(whole.startsWith(received)).toBe(true);
  });

  it("at 'headers': the SDK's fetch fails: APIConnectionError", async () => {
    const { openai } = await startFaultyBackend({ rules: [{ kind: 'reset', at: 'headers' }] });
    const error = await rejectionOf(openai.beta.assistants.list());
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
  });

  it("submit_tool_outputs with a reset 'after': the client sees an error, yet the run took the outputs", async () => {
    const backend = await startFaultyBackend();
    const { openai, emulator } = backend;
    const { thread, run, callIds } = await runAwaitingOutputs(backend);
    emulator.faults.set({ rules: [{ kind: 'reset', route: 'POST /threads/*/runs/*/submit_tool_outputs' }] });
    const outputs = callIds.map((id) => ({ tool_call_id: id, output: '21 °C' }));
    expectTerminated(await rejectionOf(openai.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: outputs })));

    emulator.faults.set(null);
    const after = await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    expect(after.status).toBe('queued');
    expect(after.required_action).toBeNull();
    const steps = await openai.beta.threads.runs.steps.list(run.id, { thread_id: thread.id });
    const calls = steps.data.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []));
    expect(calls.map((call) => (call.type === 'function' ? call.function.output : null))).toEqual(['21 °C']);
  });

  it("…at 'headers' the SDK retries the lost answer, and the retry is refused with 400: the outputs were taken", async () => {
    const backend = await startFaultyBackend();
    const { openai, emulator } = backend;
    const { thread, run, callIds } = await runAwaitingOutputs(backend);
    // Seed 9 draws 0.20, then 0.85: the first attempt is reset, the retry is not.
    emulator.faults.set({ seed: 9, rules: [{ kind: 'reset', at: 'headers', rate: 0.5, route: 'POST /threads/*/runs/*/submit_tool_outputs' }] });
    const retrying = openai.withOptions({ maxRetries: 1 });
    const error = await rejectionOf(
      retrying.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: callIds.map((id) => ({ tool_call_id: id, output: 'x' })) }),
    );
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.APIError>).message).toBe('400 Runs in status "queued" do not accept tool outputs.');
    expect(emulator.faults.log.map((entry) => `${entry.kind} ${entry.when}`)).toEqual(['reset after']);
    expect(emulator.requests.filter((request) => request.path.endsWith('/submit_tool_outputs'))).toHaveLength(2);
  });

  it("a reset 'before' drops the request unprocessed: the run still waits for outputs", async () => {
    const backend = await startFaultyBackend();
    const { openai, emulator } = backend;
    const { thread, run, callIds } = await runAwaitingOutputs(backend);
    emulator.faults.set({ rules: [{ kind: 'reset', when: 'before', route: 'POST /threads/*/runs/*/submit_tool_outputs' }] });
    const error = await rejectionOf(
      openai.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: callIds.map((id) => ({ tool_call_id: id, output: 'x' })) }),
    );
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError);
    emulator.faults.set(null);
    expect((await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id })).status).toBe('requires_action');
  });
});

describe('faults: damaged payloads', () => {
  it('truncated JSON: a clean end after part of the body; the SDK fails to parse it', async () => {
    const { openai, emulator, baseURL } = await startFaultyBackend();
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', name: 'Truncated' });
    emulator.faults.set({ rules: [{ kind: 'truncate', keep: 0.3 }] });
    const error = await rejectionOf(openai.beta.assistants.retrieve(assistant.id));
    expect(error).toBeInstanceOf(SyntaxError);

    const raw = await fetch(`${baseURL}/assistants/${assistant.id}`, { headers: beta });
    const text = await raw.text(); // ends cleanly: no read error
    const whole = JSON.stringify(assistant);
    expect(raw.status).toBe(200);
    expect(text).toBe(whole.slice(0, Math.floor(whole.length * 0.3)));
  });

  it('malformed JSON: the SDK fails to parse it', async () => {
    const { openai, emulator, baseURL } = await startFaultyBackend();
    await openai.beta.assistants.create({ model: 'gpt-4o' });
    emulator.faults.set({ rules: [{ kind: 'malformed' }] });
    expect(await rejectionOf(openai.beta.assistants.list())).toBeInstanceOf(SyntaxError);
    const text = await (await fetch(`${baseURL}/assistants`, { headers: beta })).text();
    expect(text).toContain(',,"');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("schema-breaking payloads are valid JSON the SDK passes on: a run's status is a number, a list page has no data", async () => {
    const { openai, emulator, baseURL } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    emulator.faults.set({ rules: [{ kind: 'schema' }] });
    const broken = await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    expect(broken.status as unknown).toBe(200);
    expect({ ...broken, status: run.status }).toEqual(run);

    const page = (await (await fetch(`${baseURL}/threads/${thread.id}/runs`, { headers: beta })).json()) as Record<string, unknown>;
    expect(page).toEqual({ object: 'list', first_id: run.id, last_id: run.id, has_more: false });
    // The SDK hides the missing `data` behind an empty page: only a schema check catches it.
    expect((await openai.beta.threads.runs.list(thread.id)).data).toEqual([]);

    const thread2 = (await (await fetch(`${baseURL}/threads/${thread.id}`, { headers: beta })).json()) as Record<string, unknown>;
    expect(thread2.created_at).toBe(new Date(thread.created_at * 1000).toISOString());
    expect(emulator.faults.log.map((entry) => entry.kind)).toEqual(['schema', 'schema', 'schema', 'schema']);
  });

  it('damage applies to error answers too: a 404 with a malformed body', async () => {
    const { openai } = await startFaultyBackend({ rules: [{ kind: 'malformed', route: 'GET /assistants/*' }] });
    const error = await rejectionOf(openai.beta.assistants.retrieve('asst_missing'));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect((error as InstanceType<typeof OpenAI.APIError>).error).toBeUndefined();
  });
});

describe('faults: time', () => {
  it("latency 'before' holds the request on the emulator's clock: it is processed when the delay has passed", async () => {
    const { openai, emulator, clock } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ seed: 9, rules: [{ kind: 'latency', ms: 1000, jitterMs: 500, route: 'POST /threads/*/runs' }] });
    let settled = false;
    const creating = openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id }).finally(() => (settled = true));
    await tick(30);
    const [entry] = emulator.faults.log;
    expect(entry).toMatchObject({ kind: 'latency', when: 'before' });
    const delay = entry?.delayMs ?? 0;
    expect(delay).toBeGreaterThanOrEqual(1000);
    expect(delay).toBeLessThanOrEqual(1500);
    expect((await openai.beta.threads.runs.list(thread.id)).data).toEqual([]);
    clock.advance(delay - 1);
    await tick(30);
    expect(settled).toBe(false);
    clock.advance(1);
    const run = await creating;
    expect(run.created_at).toBe(Math.floor((Date.UTC(2026, 0, 1) + delay) / 1000));
    expect(clock.pendingSleeps).toBe(0);
  });

  it("latency 'after': the run exists at once, its answer arrives later", async () => {
    const { openai, emulator, clock } = await startFaultyBackend();
    const { assistant, thread } = await messageSetUp(openai);
    emulator.faults.set({ rules: [{ kind: 'latency', ms: 2000, when: 'after', route: 'POST /threads/*/runs' }] });
    const creating = openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    await tick(30);
    const [listed] = (await openai.beta.threads.runs.list(thread.id)).data;
    expect(listed?.status).toBe('queued');
    clock.advance(2000);
    expect((await creating).id).toBe(listed?.id);
  });

  it('a client that leaves during latency leaves no timer behind', async () => {
    const { openai, clock, emulator } = await startFaultyBackend({ rules: [{ kind: 'latency', ms: 60_000 }] });
    const controller = new AbortController();
    const listing = openai.beta.assistants.list({}, { signal: controller.signal });
    await tick(30);
    expect(clock.pendingSleeps).toBe(1);
    controller.abort();
    expect(await rejectionOf(listing)).toBeInstanceOf(OpenAI.APIUserAbortError);
    for (let i = 0; i < 100 && clock.pendingSleeps > 0; i += 1) await tick(5);
    expect(clock.pendingSleeps).toBe(0);
    expect(emulator.faults.log).toHaveLength(1);
  });

  it('a slow body trickles out chunk by chunk as emulator time passes', async () => {
    const { openai, emulator, clock, baseURL } = await startFaultyBackend();
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', instructions: 'x'.repeat(300) });
    emulator.faults.set({ rules: [{ kind: 'slow-body', chunkBytes: 100, intervalMs: 50 }] });
    const raw = await fetch(`${baseURL}/assistants/${assistant.id}`, { headers: beta });
    const reader = raw.body!.getReader();
    const sizes: number[] = [];
    const first = await reader.read();
    sizes.push(first.value?.byteLength ?? 0);
    let next = reader.read();
    let arrived = false;
    void next.then(() => (arrived = true));
    await tick(30);
    expect(arrived).toBe(false);
    for (;;) {
      clock.advance(50);
      const { done, value } = await next;
      if (done) break;
      sizes.push(value.byteLength);
      next = reader.read();
    }
    const whole = new TextEncoder().encode(JSON.stringify(assistant)).byteLength;
    expect(sizes.slice(0, -1).every((size) => size === 100)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(whole);
    expect(sizes).toHaveLength(Math.ceil(whole / 100));
  });
});

describe('faults: rule precedence', () => {
  it('of the rules that fire, the first that fits the answer wins: an SSE-only rule passes a JSON answer to the next', async () => {
    const { openai, emulator } = await startFaultyBackend();
    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o' });
    emulator.faults.set({ rules: [{ kind: 'sse-stall' }, { kind: 'server-error', status: 500, when: 'after' }, { kind: 'truncate' }] });
    await expectFaultError(openai.beta.assistants.retrieve(assistant.id), 500, 'server_error');
    expect(emulator.faults.log.map((entry) => entry.ruleIndex)).toEqual([1]);
  });
});
