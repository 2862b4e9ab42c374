import { describe, expect, it } from 'vitest';
import { isTerminalRunStatus, type RunStep } from '../../src/core';
import { runsFixture, sdkMajors } from './emulator-backends';

// Every RunsClient operation, through each SDK major, over real HTTP to the emulator.

describe.each(sdkMajors)('RunsClient over $name against the emulator', (major) => {
  it('a function-call run: create, poll, steps, tool outputs, update, list', async () => {
    const { client, threadId, assistantId, advanceUntil } = await runsFixture(major);

    const created = await client.createRun(threadId, { assistant_id: assistantId, metadata: { ticket: 'T-1' } });
    expect(created).toMatchObject({
      object: 'thread.run',
      thread_id: threadId,
      status: 'queued',
      metadata: { ticket: 'T-1' },
    });

    const first = await client.getRun(threadId, created.id);
    expect(first.run.id).toBe(created.id);
    expect(first.pollAfterMs).toBeGreaterThanOrEqual(100);
    expect(first.pollAfterMs).toBeLessThanOrEqual(5_000);

    await advanceUntil(created.id, 'requires_action');
    const { run: waiting } = await client.getRun(threadId, created.id);
    const calls = waiting.required_action?.submit_tool_outputs.tool_calls ?? [];
    expect(calls.length).toBeGreaterThan(0);

    const steps = await client.listRunSteps(threadId, created.id, { order: 'asc' });
    const toolStep = steps.data.find((step) => step.step_details.type === 'tool_calls') as RunStep;
    expect(toolStep.step_details).toMatchObject({
      type: 'tool_calls',
      tool_calls: [{ type: 'function', function: { output: null } }],
    });
    expect(await client.getRunStep(threadId, created.id, toolStep.id)).toMatchObject({
      id: toolStep.id,
      run_id: created.id,
    });

    const resumed = await client.submitToolOutputs(threadId, created.id, {
      tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: '{"temperature":21}' })),
    });
    expect(resumed.status).toBe('queued');

    await advanceUntil(created.id, 'completed');
    const done = await client.getRun(threadId, created.id);
    expect(done.pollAfterMs).toBeNull();
    expect(isTerminalRunStatus(done.run.status)).toBe(true);
    expect(done.run.usage).not.toBeNull();

    const updated = await client.updateRun(threadId, created.id, { metadata: { ticket: 'T-2' } });
    expect(updated.metadata).toEqual({ ticket: 'T-2' });

    const answered = await client.getRunStep(threadId, created.id, toolStep.id);
    expect(answered.step_details).toMatchObject({ tool_calls: [{ function: { output: '{"temperature":21}' } }] });

    const runs = await client.listRuns(threadId);
    expect(runs).toMatchObject({ object: 'list', first_id: created.id, last_id: created.id, has_more: false });

    // What the message_creation step wrote, as a run UI shows it.
    const written = (await client.listRunSteps(threadId, created.id)).data.find(
      (step) => step.step_details.type === 'message_creation',
    );
    const messageId = written?.step_details.type === 'message_creation' ? written.step_details.message_creation.message_id : '';
    const message = await client.getMessage(threadId, messageId);
    expect(message).toMatchObject({ id: messageId, run_id: created.id, role: 'assistant', status: 'completed' });
    expect(message.content[0]).toMatchObject({ type: 'text' });
  });

  it('createThreadRun starts a run on a new thread with its messages', async () => {
    const { client, threadId, assistantId } = await runsFixture(major, 'message');
    const run = await client.createThreadRun({
      assistant_id: assistantId,
      thread: { messages: [{ role: 'user', content: 'Hello' }], metadata: { source: 'test' } },
      temperature: 0.5,
    });
    expect(run).toMatchObject({ object: 'thread.run', status: 'queued', assistant_id: assistantId, temperature: 0.5 });
    expect(run.thread_id).not.toBe(threadId);
  });

  it('cancelRun moves an active run to cancelling, then cancelled', async () => {
    const { client, threadId, assistantId, advanceUntil } = await runsFixture(major, 'slow');
    const run = await client.createRun(threadId, { assistant_id: assistantId });
    const cancelling = await client.cancelRun(threadId, run.id);
    expect(cancelling.status).toBe('cancelling');
    await advanceUntil(run.id, 'cancelled');
  });

  it('getRunStep can ask for file search result content', async () => {
    const { client, threadId, assistantId, advanceUntil } = await runsFixture(major, 'file_search');
    const run = await client.createRun(threadId, {
      assistant_id: assistantId,
      include: ['step_details.tool_calls[*].file_search.results[*].content'],
    });
    await advanceUntil(run.id, 'completed');
    const include = ['step_details.tool_calls[*].file_search.results[*].content'] as const;
    const steps = await client.listRunSteps(threadId, run.id, { include: [...include] });
    const searchStep = steps.data.find((step) => step.step_details.type === 'tool_calls');
    expect(searchStep).toBeDefined();
    const step = await client.getRunStep(threadId, run.id, searchStep?.id ?? '', { include: [...include] });
    expect(step.step_details).toMatchObject({ type: 'tool_calls', tool_calls: [{ type: 'file_search' }] });
  });
});
