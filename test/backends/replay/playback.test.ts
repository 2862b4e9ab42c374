import { describe, expect, it } from 'vitest';
import {
  collectRunBundle,
  createAssistantsRunsClient,
  createRunEventRecorder,
  RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT,
  type AssistantStreamEvent,
  type RunBundle,
  type RunEventStream,
  type RunStepInclude,
  type RunsClient,
} from '../../../src/core';
import { createReplayRunsClient, type ReplayRunsClient } from '../../../src/backends/replay';
import { driveClock } from '../../emulator/helpers';
import { startTestBackend } from '../../support/emulator';
import { finishedAssistantsRun, toolOutputOf } from './runs';

// Replays at a speed: the state `elapsed × speed` ms into the run, from recorded stream events or,
// without them, from the objects' timestamps; after the end, exactly the exported objects.

const include: RunStepInclude[] = [RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT];

async function drain(stream: RunEventStream): Promise<AssistantStreamEvent[]> {
  const events: AssistantStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** A function-calling run streamed through the SDK from start to end, recorded: create stream, then the submit stream. */
async function recordedBundle(): Promise<{ bundle: RunBundle; streamed: AssistantStreamEvent[] }> {
  const backend = await startTestBackend();
  const { openai, clock } = backend;
  const client = createAssistantsRunsClient(openai);
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'function_call', 'emulator.parallel': '2' } });
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Weather?' }] });
  const recorder = createRunEventRecorder({ now: () => clock.now() });
  const first = await driveClock(clock, drain(recorder.record(client.createRunStream(thread.id, { assistant_id: assistant.id }))));
  const waiting = first.findLast((event) => event.event === 'thread.run.requires_action');
  if (waiting?.event !== 'thread.run.requires_action') throw new Error('the run never asked for tool outputs');
  const calls = waiting.data.required_action!.submit_tool_outputs.tool_calls;
  const tool_outputs = calls.map((call) => ({ tool_call_id: call.id, output: toolOutputOf(call.id) }));
  const second = await driveClock(clock, drain(recorder.record(client.submitToolOutputsStream(thread.id, waiting.data.id, { tool_outputs }))));
  const bundle = await collectRunBundle(client, thread.id, waiting.data.id, { events: recorder.events });
  return { bundle: JSON.parse(JSON.stringify(bundle)) as RunBundle, streamed: [...first, ...second] };
}

/** Everything a reader sees now: the run and every page of its steps. */
async function readAll(client: ReplayRunsClient) {
  const { run, pollAfterMs } = await client.getRun(client.threadId, client.runId);
  const steps = [];
  for (let after: string | undefined; ; ) {
    const page = await client.listRunSteps(client.threadId, client.runId, { order: 'asc', limit: 100, include, ...(after && { after }) });
    steps.push(...page.data);
    if (!page.has_more) break;
    after = page.last_id!;
  }
  return { run, pollAfterMs, steps };
}

async function expectFinal(client: ReplayRunsClient, bundle: RunBundle, live?: RunsClient): Promise<void> {
  const { run, pollAfterMs, steps } = await readAll(client);
  expect(run).toEqual(bundle.run);
  expect(steps).toEqual(bundle.steps);
  expect(pollAfterMs).toBeNull();
  for (const message of bundle.messages) expect(await client.getMessage(client.threadId, message.id)).toEqual(message);
  if (live) expect(run).toEqual((await live.getRun(client.threadId, client.runId)).run);
}

describe('createReplayRunsClient with a speed', () => {
  it('replays a recorded stream at 10× through each state it passed to the final one', async () => {
    const { bundle, streamed } = await recordedBundle();
    expect(bundle.events!.map(({ event }) => event)).toEqual(streamed);
    expect(bundle.events![0]).toMatchObject({ at: 0, event: { event: 'thread.run.created' } });
    let now = 1_000_000;
    const client = createReplayRunsClient(bundle, { speed: 10, now: () => now });

    const first = await readAll(client);
    expect(first).toMatchObject({ run: { status: 'queued' }, pollAfterMs: 25, steps: [] });

    // At each recorded full-object event's time, the reads show that event's object.
    const start = now;
    const seen: string[] = [];
    for (const { at, event } of bundle.events!) {
      if (event.event.endsWith('.delta') || event.event === 'done' || event.event === 'thread.created') continue;
      now = start + at / 10;
      const { run, steps } = await readAll(client);
      if (event.event.startsWith('thread.run.step.')) {
        const data = event.data as { id: string };
        const step = steps.find((candidate) => candidate.id === data.id);
        // A later event at the same time may have moved it on already; it is there, and never older.
        expect(step, event.event).toBeDefined();
      } else if (event.event.startsWith('thread.run.')) seen.push(run.status);
      else if (event.event.startsWith('thread.message.')) expect(await client.getMessage(client.threadId, (event.data as { id: string }).id)).toBeDefined();
    }
    expect(seen).toContain('requires_action');
    expect(seen).toContain('in_progress');
    expect(seen.at(-1)).toBe('completed');
    await expectFinal(client, bundle);
  });

  it('shows the recorded objects themselves in between', async () => {
    const { bundle } = await recordedBundle();
    let now = 0;
    const client = createReplayRunsClient(bundle, { speed: 1, now: () => now });
    await client.getRun(client.threadId, client.runId); // the clock starts at the first read
    const waiting = bundle.events!.find(({ event }) => event.event === 'thread.run.requires_action')!;
    now = waiting.at;
    const { run, pollAfterMs } = await client.getRun(client.threadId, client.runId);
    expect(run).toEqual(waiting.event.data);
    expect(pollAfterMs).toBe(250);
    // Read-only, also mid-replay: the form to answer it is not offered.
    expect(client.capabilities.submitToolOutputs).toEqual({ unsupported: 'A replay of an exported run is read-only.' });
  });

  it('without events, replays from the timestamps: queued, steps appearing in order, then exactly the export', async () => {
    const finished = await finishedAssistantsRun('bulk', { 'emulator.steps': '1000' });
    const bundle = await collectRunBundle(finished.client, finished.threadId, finished.runId);
    let now = 0;
    const client = createReplayRunsClient(JSON.parse(JSON.stringify(bundle)), { speed: 2, now: () => now });
    expect(await readAll(client)).toMatchObject({ run: { status: 'queued', usage: null, completed_at: null }, steps: [] });
    const seen = new Set<number>();
    let last = -1;
    const endMs = ((bundle.run.completed_at ?? 0) - bundle.run.created_at) * 1000;
    for (now = 0; now <= endMs / 2 + 500; now += 500) {
      const { run, steps } = await readAll(client);
      seen.add(steps.length);
      expect(steps.length).toBeGreaterThanOrEqual(last);
      last = steps.length;
      expect(steps.map((step) => step.id)).toEqual(bundle.steps.slice(0, steps.length).map((step) => step.id));
      if (run.status !== 'completed') expect(run.usage).toBeNull();
    }
    expect(seen.size).toBeGreaterThan(3);
    await expectFinal(client, bundle, finished.client);
  });

  it('a message step’s message is there from the moment the step is, empty until it is written', async () => {
    const finished = await finishedAssistantsRun('message');
    const bundle = await collectRunBundle(finished.client, finished.threadId, finished.runId);
    let now = 0;
    const client = createReplayRunsClient(bundle, { speed: 1, now: () => now });
    const messageStep = bundle.steps.find((step) => step.step_details.type === 'message_creation')!;
    const messageId = messageStep.step_details.type === 'message_creation' ? messageStep.step_details.message_creation.message_id : '';
    await expect(client.getRunStep(client.threadId, client.runId, messageStep.id)).rejects.toMatchObject({ status: 404 });
    await expect(client.getMessage(client.threadId, messageId)).rejects.toMatchObject({ status: 404, detail: `No message found with id '${messageId}'.` });
    const states: string[] = [];
    for (; ; now += 20) {
      const step = await client.getRunStep(client.threadId, client.runId, messageStep.id).catch(() => null);
      if (!step) continue;
      const message = await client.getMessage(client.threadId, messageId);
      states.push(`${step.status}:${message.status}:${message.content.length}`);
      if (step.status !== 'in_progress') break;
    }
    expect(states[0]).toBe('in_progress:in_progress:0');
    expect(states.at(-1)).toBe(`completed:completed:${bundle.messages[0]!.content.length}`);
    now = 1e9;
    await expectFinal(client, bundle);
  });

  it('keeps reads fast at 10 000 steps: one sort, a cursor that only moves on', async () => {
    const resolved = await tenThousandSteps();
    let now = 0;
    const started = performance.now();
    const client = createReplayRunsClient(resolved, { speed: 1, now: () => now });
    const endMs = ((resolved.run.completed_at ?? 0) - resolved.run.created_at) * 1000;
    for (now = 0; now <= endMs + 1000; now += endMs / 200) await client.listRunSteps(client.threadId, client.runId, { limit: 100 });
    const elapsed = performance.now() - started;
    expect((await readAll(client)).run).toEqual(resolved.run);
    // 200 reads (each a page of 100 off up to 10 000 steps) plus the parse of the bundle.
    expect(elapsed).toBeLessThan(3_000);
  });

  it('refuses a speed that is not a positive number', async () => {
    const finished = await finishedAssistantsRun('message');
    const bundle = await collectRunBundle(finished.client, finished.threadId, finished.runId);
    for (const speed of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => createReplayRunsClient(bundle, { speed })).toThrow(/speed must be a number above 0/);
  });
});

/** A 10 000-step bundle made from a real bulk run's steps (ids renumbered, a second apart every 100). */
async function tenThousandSteps(): Promise<RunBundle> {
  const finished = await finishedAssistantsRun('bulk', { 'emulator.steps': '20' });
  const base = await collectRunBundle(finished.client, finished.threadId, finished.runId);
  const tools = base.steps.filter((step) => step.step_details.type === 'tool_calls');
  const steps = Array.from({ length: 10_000 }, (_, i) => {
    const step = tools[i % tools.length]!;
    const at = base.run.created_at + Math.floor(i / 100);
    return { ...step, id: `step_${i}`, created_at: at, completed_at: at };
  });
  const end = base.run.created_at + 101;
  return { ...base, run: { ...base.run, completed_at: end }, steps, messages: [] };
}
