import { describe, expect, it } from 'vitest';
import { createResponsesRunsClient } from '../../../src/backends/responses/client';
import { createMemoryRunIndex } from '../../../src/backends/responses/run-index/index';
import { demoIds } from '../../../src/emulator';
import { startResponsesBackend } from './backend';
import { messageText } from './helpers';

// The seeded demo conversations, read through the official SDK (every body checked against
// responses.openapi.json by the backend's fetch) and through the Responses client over the run
// index the emulator hands out.

describe('seeded demo conversations', () => {
  it('has a conversation with a run in every terminal status the Responses API has', async () => {
    const { openai, emulator } = await startResponsesBackend({ seed: true });
    const conversation = await openai.conversations.retrieve(demoIds.conversations.statuses);
    expect(conversation.metadata).toEqual({ topic: 'One run per terminal status' });
    const statuses = Object.fromEntries(
      await Promise.all(
        (['completed', 'failed', 'cancelled', 'incomplete'] as const).map(async (name) => [name, (await openai.responses.retrieve(demoIds.responses[name])).status]),
      ),
    );
    expect(statuses).toEqual({ completed: 'completed', failed: 'failed', cancelled: 'cancelled', incomplete: 'incomplete' });
    const completed = await openai.responses.retrieve(demoIds.responses.completed);
    expect(completed).toMatchObject({ background: true, conversation: { id: demoIds.conversations.statuses } });
    expect(messageText(completed).length).toBeGreaterThan(20);
    expect((await openai.responses.retrieve(demoIds.responses.failed)).error).toMatchObject({ code: 'server_error' });
    expect((await openai.responses.retrieve(demoIds.responses.incomplete)).incomplete_details).toEqual({ reason: 'max_output_tokens' });
    // The conversation's transcript holds each run's prompt and what the finished ones wrote.
    const items = await openai.conversations.items.list(demoIds.conversations.statuses, { limit: 100, order: 'asc' });
    expect(items.data.filter((item) => item.type === 'message' && item.role === 'user')).toHaveLength(4);
    expect(emulator.demoRuns.filter((run) => run.conversationId === demoIds.conversations.statuses).map((run) => run.runId)).toEqual([
      demoIds.responses.completed,
      demoIds.responses.failed,
      demoIds.responses.cancelled,
      demoIds.responses.incomplete,
    ]);
  });

  it('has a run waiting for tool outputs and one in progress, which moves on with the clock', async () => {
    const { openai, clock } = await startResponsesBackend({ seed: true });
    const waiting = await openai.responses.retrieve(demoIds.responses.requiresAction);
    expect(waiting.status).toBe('completed');
    expect(waiting.output.filter((item) => item.type === 'function_call').map((item) => item.type === 'function_call' && item.name)).toEqual(['get_weather', 'get_forecast']);
    expect((await openai.responses.retrieve(demoIds.responses.inProgress)).status).toBe('in_progress');
    clock.advance(130_000);
    expect((await openai.responses.retrieve(demoIds.responses.inProgress)).status).toBe('completed');
  });

  it('hands out its runs for a run index, so the client lists the 48-run history with every function round answered', async () => {
    const { openai, emulator } = await startResponsesBackend({ seed: true });
    const history = emulator.demoRuns.filter((run) => run.conversationId === demoIds.conversations.history);
    expect(history).toHaveLength(48);
    // function_call runs are chains: the answered round is a second response in the same conversation.
    const chained = history.filter((run) => run.responseIds.length > 1);
    expect(chained).toHaveLength(12);
    const client = createResponsesRunsClient(openai, { runIndex: createMemoryRunIndex({ runs: emulator.demoRuns }) });
    const page = await client.listRuns(demoIds.conversations.history, { limit: 100 });
    expect(page.data).toHaveLength(48);
    expect(page.data.map((run) => run.status)).toEqual(Array(48).fill('completed'));
    expect(page.data.map((run) => run.id)).toEqual(history.map((run) => run.runId).reverse());
    const chainRun = page.data.find((run) => run.id === chained[0]!.runId)!;
    const steps = await client.listRunSteps(demoIds.conversations.history, chainRun.id, { order: 'asc' });
    // Each function_call item is a tool_calls step of its own, with the output the seed answered.
    const calls = steps.data.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []));
    expect(calls.map((call) => call.type === 'function' && [call.function.name, call.function.output])).toEqual([
      ['get_weather', expect.stringContaining('celsius')],
      ['get_forecast', '{"days":[19,21,17]}'],
    ]);
    // The reply counts this run's two calls, not every call earlier in the conversation.
    const message = steps.data.find((step) => step.step_details.type === 'message_creation')!;
    const messageId = message.step_details.type === 'message_creation' ? message.step_details.message_creation.message_id : '';
    const text = (await client.getMessage(demoIds.conversations.history, messageId)).content[0];
    expect(text?.type === 'text' && text.text.value).toMatch(/^I called 2 tools/);
  });

  it('seeds nothing with seed: false', async () => {
    const { openai, emulator } = await startResponsesBackend();
    expect(emulator.demoRuns).toEqual([]);
    await expect(openai.conversations.retrieve(demoIds.conversations.statuses)).rejects.toMatchObject({ status: 404 });
  });
});
