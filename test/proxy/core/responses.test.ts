import { describe, expect, it } from 'vitest';
import { createResponsesRunsClient } from '../../../src/backends/responses/client';
import { createProxyRunIndex } from '../../../src/backends/responses/run-index/proxy-run-index';
import type { AssistantStreamEvent, RunsClient } from '../../../src/core';
import { driveClock } from '../../emulator/helpers';
import { SERVER_KEY, USER_HEADER, apiErrorOf, call, startProxyBench, type ProxyBench } from './bench';

// The Responses backend through the proxy: runlens's client over the official SDK, its run index
// kept by the proxy (the run-index routes), a conversation created through the proxy (so its owner
// is recorded), and a second user who sees none of it.

const weather = {
  model: 'gpt-4o',
  metadata: { 'emulator.scenario': 'function_call' },
  tools: [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } }],
};

function clientAs(bench: ProxyBench, user: string): RunsClient {
  return createResponsesRunsClient(bench.sdk(user), {
    runIndex: createProxyRunIndex({ baseURL: bench.mountURL, headers: { [USER_HEADER]: user } }),
    assistants: { asst_weather: weather, asst_chat: { model: 'gpt-4o' }, asst_slow: { model: 'gpt-4o', metadata: { 'emulator.scenario': 'slow' } } },
  });
}

async function collect(stream: AsyncIterable<AssistantStreamEvent>): Promise<AssistantStreamEvent[]> {
  const events: AssistantStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe('the proxy in front of the Responses API', () => {
  it('carries a function_call run through: create, poll, submit, list (run index on the server), steps, message, cancel', async () => {
    const bench = await startProxyBench({ backend: 'responses' });
    const conversation = await bench.sdk('alice').conversations.create({ metadata: { topic: 'weather' } });
    expect(await bench.store.ownerOf('conversation', conversation.id)).toBe('alice');
    const client = clientAs(bench, 'alice');

    const created = await client.createRun(conversation.id, { assistant_id: 'asst_weather', additional_messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    expect(await bench.store.ownerOf('response', created.id)).toBe('alice');
    bench.clock.advance(10_000);
    const { run: waiting } = await client.getRun(conversation.id, created.id);
    expect(waiting.status).toBe('requires_action');
    const calls = waiting.required_action!.submit_tool_outputs.tool_calls;
    await client.submitToolOutputs(conversation.id, created.id, { tool_outputs: calls.map((c) => ({ tool_call_id: c.id, output: '{"temperature": 21}' })) });
    bench.clock.advance(10_000);
    expect((await client.getRun(conversation.id, created.id)).run.status).toBe('completed');

    // Listed from the proxy's store: another client (another device) sees the same runs.
    const page = await clientAs(bench, 'alice').listRuns(conversation.id, { limit: 10 });
    expect(page.data.map((run) => [run.id, run.status])).toEqual([[created.id, 'completed']]);
    expect((await bench.store.runIndex.getChain(created.id))?.length).toBe(2);

    const steps = await client.listRunSteps(conversation.id, created.id, { order: 'asc' });
    const messageStep = steps.data.at(-1)!;
    expect(messageStep.step_details.type).toBe('message_creation');
    expect(await client.getRunStep(conversation.id, created.id, messageStep.id)).toEqual(messageStep);
    const messageId = messageStep.step_details.type === 'message_creation' ? messageStep.step_details.message_creation.message_id : '';
    expect(await clientAs(bench, 'alice').getMessage(conversation.id, messageId)).toMatchObject({ role: 'assistant' });

    const slow = await client.createRun(conversation.id, { assistant_id: 'asst_slow' });
    bench.clock.advance(2_000);
    expect((await client.cancelRun(conversation.id, slow.id)).status).toMatch(/cancelling|cancelled/);
  });

  it('streams a run through unchanged, recording the response from its response.created event', async () => {
    const bench = await startProxyBench({ backend: 'responses' });
    const conversation = await bench.sdk('alice').conversations.create({});
    const client = clientAs(bench, 'alice');
    const asked = await driveClock(bench.clock, collect(client.createRunStream(conversation.id, { assistant_id: 'asst_weather' })));
    const paused = asked.filter((event) => event.event === 'thread.run.requires_action').at(-1)!;
    const run = paused.data as { id: string; required_action: { submit_tool_outputs: { tool_calls: { id: string }[] } } };
    expect(await bench.store.ownerOf('response', run.id)).toBe('alice');

    const answered = await driveClock(
      bench.clock,
      collect(client.submitToolOutputsStream(conversation.id, run.id, { tool_outputs: run.required_action.submit_tool_outputs.tool_calls.map((c) => ({ tool_call_id: c.id, output: '21' })) })),
    );
    expect(answered.map((event) => event.event)).toContain('thread.run.completed');
    const chain = (await bench.store.runIndex.getChain(run.id))!;
    expect(chain).toHaveLength(2);
    expect(await bench.store.ownerOf('response', chain[1]!)).toBe('alice');
    // The SSE answer carried no key and no upstream identity.
    const streamed = bench.received.filter((request) => request.method === 'POST' && request.path.endsWith('/responses'));
    expect(streamed.every((request) => request.headers.get('authorization') === `Bearer ${SERVER_KEY}` && request.headers.get('openai-beta') === null)).toBe(true);
  });

  it("keeps users apart: another user's conversation, response and run index are 403, never forwarded", async () => {
    const bench = await startProxyBench({ backend: 'responses' });
    const conversation = await bench.sdk('alice').conversations.create({});
    const run = await clientAs(bench, 'alice').createRun(conversation.id, { assistant_id: 'asst_chat' });
    const forwarded = bench.received.length;

    const bob = bench.sdk('bob');
    await expect(bob.conversations.retrieve(conversation.id)).rejects.toMatchObject({ status: 403 });
    await expect(bob.conversations.items.list(conversation.id)).rejects.toMatchObject({ status: 403 });
    await expect(bob.responses.retrieve(run.id)).rejects.toMatchObject({ status: 403 });
    await expect(bob.responses.cancel(run.id)).rejects.toMatchObject({ status: 403 });
    await expect(bob.responses.inputItems.list(run.id)).rejects.toMatchObject({ status: 403 });
    // Named in the body: a response in alice's conversation, or chained to alice's response.
    await expect(bob.responses.create({ model: 'gpt-4o', input: 'hi', conversation: conversation.id })).rejects.toMatchObject({ status: 403 });
    await expect(bob.responses.create({ model: 'gpt-4o', input: 'hi', previous_response_id: run.id })).rejects.toMatchObject({ status: 403 });
    // An item reference could name alice's item from anywhere in the project: refused outright.
    await expect(bob.responses.create({ model: 'gpt-4o', input: [{ type: 'item_reference', id: 'msg_anyone' }] })).rejects.toMatchObject({ status: 400, param: 'input[0]' });
    await expect(clientAs(bench, 'bob').listRuns(conversation.id)).rejects.toThrow(/belongs to another user/);
    const chain = await call(bench, 'GET', `/runlens/run-index/runs/${run.id}`, { user: 'bob' });
    expect(chain.status).toBe(403);
    expect(bench.received.length).toBe(forwarded);

    // Bob's own conversation works as usual.
    const bobs = await bob.conversations.create({});
    expect(await bob.conversations.retrieve(bobs.id)).toMatchObject({ id: bobs.id });
  });

  it('answers the run-index routes from the store, with the API error shape for bad requests', async () => {
    const bench = await startProxyBench({ backend: 'responses' });
    const conversation = await bench.sdk('alice').conversations.create({});
    const first = await bench.sdk('alice').responses.create({ model: 'gpt-4o', input: 'one', conversation: conversation.id, background: true, store: true });
    bench.clock.advance(10_000);
    const second = await bench.sdk('alice').responses.create({ model: 'gpt-4o', input: 'two', previous_response_id: first.id, background: true, store: true });

    expect((await call(bench, 'POST', '/runlens/run-index/runs', { body: { runId: first.id, conversationId: conversation.id, createdAt: first.created_at } })).status).toBe(204);
    expect((await call(bench, 'POST', `/runlens/run-index/runs/${first.id}/responses`, { body: { responseId: second.id } })).status).toBe(204);
    const listed = await call(bench, 'GET', `/runlens/run-index/conversations/${conversation.id}/runs?limit=5&order=asc`);
    expect(listed.json).toEqual({ object: 'list', data: [first.id], first_id: first.id, last_id: first.id, has_more: false });
    expect((await call(bench, 'GET', `/runlens/run-index/runs/${first.id}`)).json).toEqual({
      run: { runId: first.id, conversationId: conversation.id, createdAt: first.created_at },
      responseIds: [first.id, second.id],
    });
    expect((await call(bench, 'GET', `/runlens/run-index/responses/${second.id}/run`)).json).toMatchObject({ runId: first.id });

    const badCursor = await call(bench, 'GET', `/runlens/run-index/conversations/${conversation.id}/runs?after=${second.id}`);
    expect(badCursor.status).toBe(400);
    expect(apiErrorOf(badCursor).param).toBe('after');
    const badBody = await call(bench, 'POST', '/runlens/run-index/runs', { body: { runId: first.id, conversationId: conversation.id, createdAt: 'yesterday' } });
    expect(apiErrorOf(badBody)).toMatchObject({ param: 'createdAt' });
    const unknown = await call(bench, 'POST', '/runlens/run-index/runs', { body: { runId: 'resp_nobody', conversationId: conversation.id, createdAt: 1 } });
    expect(unknown.status).toBe(403);

    expect((await call(bench, 'DELETE', `/runlens/run-index/runs/${first.id}`)).json).toEqual({ forgotten: true });
    expect((await call(bench, 'GET', `/runlens/run-index/runs/${first.id}`)).status).toBe(404);
    // Not the API's: never forwarded.
    expect(bench.received.some((request) => request.path.includes('run-index'))).toBe(false);
  });
});
