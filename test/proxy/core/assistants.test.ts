import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient } from '../../../src/backends/assistants/client';
import type { AssistantStreamEvent, RunStatus, RunsClient } from '../../../src/core';
import { demoIds } from '../../../src/emulator';
import { driveClock } from '../../emulator/helpers';
import { BROWSER_KEY, SERVER_KEY, apiErrorOf, call, startProxyBench, type ProxyBench } from './bench';

// The Assistants backend through the proxy: runlens's client and the official SDK over real HTTP,
// proxy in front of the emulator. Threads are the app's: its server creates them and records the
// owner, as the README says; a thread created by createThreadRun is recorded by the proxy itself.

async function collect(stream: AsyncIterable<AssistantStreamEvent>): Promise<AssistantStreamEvent[]> {
  const events: AssistantStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

/** A thread the app's server made for `user` (straight to the emulator) and recorded as theirs. */
async function threadOf(bench: ProxyBench, user: string): Promise<string> {
  const thread = await bench.direct.beta.threads.create({ messages: [{ role: 'user', content: 'Weather in Paris?' }] });
  await bench.store.recordOwner('thread', thread.id, user);
  return thread.id;
}

async function advanceUntil(bench: ProxyBench, client: RunsClient, threadId: string, runId: string, status: RunStatus): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await client.getRun(threadId, runId)).run.status === status) return;
    bench.clock.advance(250);
  }
  throw new Error(`run ${runId} never reached ${status}`);
}

describe('the proxy in front of the Assistants API', () => {
  it('carries a function_call run through: create, poll, submit, steps, message, update, list, cancel', async () => {
    const bench = await startProxyBench({ backend: 'assistants' });
    const client = createAssistantsRunsClient(bench.sdk('alice'));
    const threadId = await threadOf(bench, 'alice');

    const created = await client.createRun(threadId, { assistant_id: demoIds.assistants.function_call, metadata: { ticket: 'T-1' } });
    expect(created).toMatchObject({ thread_id: threadId, status: 'queued', metadata: { ticket: 'T-1' } });
    await advanceUntil(bench, client, threadId, created.id, 'requires_action');
    const { run: waiting, pollAfterMs } = await client.getRun(threadId, created.id);
    expect(pollAfterMs === null || pollAfterMs > 0).toBe(true);
    const calls = waiting.required_action!.submit_tool_outputs.tool_calls;
    const submitted = await client.submitToolOutputs(threadId, created.id, { tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: '{"temperature": 21}' })) });
    expect(submitted.required_action).toBeNull();
    await advanceUntil(bench, client, threadId, created.id, 'completed');

    const steps = await client.listRunSteps(threadId, created.id, { order: 'asc' });
    expect(steps.data.map((step) => step.type)).toEqual(['tool_calls', 'message_creation']);
    const messageStep = steps.data[1]!;
    expect(await client.getRunStep(threadId, created.id, messageStep.id)).toEqual(messageStep);
    const messageId = messageStep.step_details.type === 'message_creation' ? messageStep.step_details.message_creation.message_id : '';
    expect(await client.getMessage(threadId, messageId)).toMatchObject({ id: messageId, role: 'assistant', run_id: created.id });
    expect(await client.updateRun(threadId, created.id, { metadata: { ticket: 'T-2' } })).toMatchObject({ metadata: { ticket: 'T-2' } });
    expect((await client.listRuns(threadId, { limit: 5 })).data.map((run) => run.id)).toEqual([created.id]);
    // The inspector reads the assistant a run names.
    expect(await bench.sdk('alice').beta.assistants.retrieve(demoIds.assistants.function_call)).toMatchObject({ id: demoIds.assistants.function_call });

    const slow = await client.createRun(threadId, { assistant_id: demoIds.assistants.slow });
    bench.clock.advance(1_000);
    expect((await client.cancelRun(threadId, slow.id)).status).toMatch(/cancelling|cancelled/);
  });

  it('streams through unchanged (SSE), and records the owner of a thread a streamed createThreadRun made', async () => {
    const bench = await startProxyBench({ backend: 'assistants' });
    const client = createAssistantsRunsClient(bench.sdk('alice'));
    const threadId = await threadOf(bench, 'alice');

    const asked = await driveClock(bench.clock, collect(client.createRunStream(threadId, { assistant_id: demoIds.assistants.function_call })));
    expect(asked[0]).toMatchObject({ event: 'thread.run.created' });
    const paused = asked.at(-1)!;
    expect(paused).toMatchObject({ event: 'thread.run.requires_action' });
    const run = paused.data as { id: string; required_action: { submit_tool_outputs: { tool_calls: { id: string }[] } } };
    const answered = await driveClock(
      bench.clock,
      collect(client.submitToolOutputsStream(threadId, run.id, { tool_outputs: run.required_action.submit_tool_outputs.tool_calls.map((c) => ({ tool_call_id: c.id, output: '21' })) })),
    );
    expect(answered.map((event) => event.event)).toContain('thread.run.completed');
    expect(answered.filter((event) => event.event === 'thread.message.delta').length).toBeGreaterThan(0);

    const fresh = await driveClock(bench.clock, collect(client.createThreadRunStream({ assistant_id: demoIds.assistants.message, thread: { messages: [{ role: 'user', content: 'Hi' }] } })));
    const newThread = (fresh.find((event) => event.event === 'thread.run.created')!.data as { thread_id: string }).thread_id;
    expect(await bench.store.ownerOf('thread', newThread)).toBe('alice');
    expect((await client.listRuns(newThread)).data).toHaveLength(1);
    await expect(createAssistantsRunsClient(bench.sdk('bob')).listRuns(newThread)).rejects.toMatchObject({ status: 403 });
  });

  it('sends the server key upstream, never the browser key, cookie or organization; passes back x-request-id and the poll hint only', async () => {
    const bench = await startProxyBench({ backend: 'assistants' });
    const threadId = await threadOf(bench, 'alice');
    const created = await createAssistantsRunsClient(bench.sdk('alice')).createRun(threadId, { assistant_id: demoIds.assistants.slow });
    const answer = await bench.sdk('alice').beta.threads.runs.retrieve(created.id, { thread_id: threadId }).asResponse();
    expect(answer.headers.get('x-request-id')).toMatch(/^req_/);
    expect(answer.headers.get('openai-poll-after-ms')).toMatch(/^\d+$/);
    expect(answer.headers.get('openai-version')).toBeNull();
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();

    expect(bench.received.length).toBeGreaterThanOrEqual(2);
    for (const request of bench.received) {
      expect(request.headers.get('authorization')).toBe(`Bearer ${SERVER_KEY}`);
      expect(request.headers.get('openai-beta')).toBe('assistants=v2');
      expect(request.headers.get('cookie')).toBeNull();
      expect(request.headers.get('openai-organization')).toBeNull();
      expect(request.headers.get('x-user')).toBeNull();
      expect([...request.headers].some(([, value]) => value.includes(BROWSER_KEY))).toBe(false);
    }
    expect(JSON.stringify(bench.events)).not.toContain(SERVER_KEY);
    expect(bench.events.map((event) => [event.operation, event.user, event.status])).toEqual([
      ['createRun', 'alice', 200],
      ['getRun', 'alice', 200],
    ]);
  });

  it("keeps users apart: another user's thread is 403 and never forwarded; no user is 401", async () => {
    const bench = await startProxyBench({ backend: 'assistants' });
    const alicesThread = await threadOf(bench, 'alice');
    const created = await createAssistantsRunsClient(bench.sdk('alice')).createRun(alicesThread, { assistant_id: demoIds.assistants.message });
    const forwarded = bench.received.length;

    const bob = createAssistantsRunsClient(bench.sdk('bob'));
    await expect(bob.getRun(alicesThread, created.id)).rejects.toMatchObject({ status: 403, detail: expect.stringContaining('belongs to another user') });
    await expect(bob.listRuns(alicesThread)).rejects.toMatchObject({ status: 403 });
    await expect(bob.cancelRun(alicesThread, created.id)).rejects.toMatchObject({ status: 403 });
    await expect(bob.createRun(alicesThread, { assistant_id: demoIds.assistants.message })).rejects.toMatchObject({ status: 403 });
    await expect(bob.listRuns(demoIds.threads.history)).rejects.toMatchObject({ status: 403, detail: expect.stringContaining('was not created through this proxy') });
    const anonymous = await call(bench, 'GET', `/v1/threads/${alicesThread}/runs`, { user: null });
    expect(anonymous.status).toBe(401);
    expect(apiErrorOf(anonymous)).toMatchObject({ message: 'Sign in first.', type: 'invalid_request_error' });
    expect(bench.received.length).toBe(forwarded);
  });
});
