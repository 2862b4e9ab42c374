import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createResponsesRunsClient } from '../../../src/backends/responses/client';
import { expectApiError } from '../helpers';
import { startResponsesBackend } from './backend';
import { collect, driveClock, scenario } from './helpers';

// `emulator.fail_step` on the Responses API: that bulk item is a `charge_card` function_call the
// response fails while writing (item `incomplete`, response `failed` with the error); nothing
// follows. Through createResponsesRunsClient the run is failed and the call is its failed step.

const error = { code: 'server_error', message: 'charge_card failed: the payment service timed out.' };
const bulk = (steps: string, failStep: string, extra: Record<string, string> = {}) => scenario('bulk', { 'emulator.steps': steps, 'emulator.fail_step': failStep, ...extra });

describe('emulator.fail_step (Responses)', () => {
  it('ends the output at an incomplete charge_card function_call; the response fails with the error', async () => {
    const { openai } = await startResponsesBackend();
    const response = await openai.responses.create({ model: 'gpt-4o', input: 'Go', metadata: bulk('7', '5') });
    expect(response).toMatchObject({ status: 'failed', error, completed_at: null });
    expect(response.output.map((item) => item.type)).toEqual(['code_interpreter_call', 'file_search_call', 'reasoning', 'code_interpreter_call', 'function_call']);
    expect(response.output[4]).toMatchObject({ type: 'function_call', status: 'incomplete', name: 'charge_card', arguments: '{"order":"ord_5","amount_cents":1299}', call_id: expect.stringMatching(/^call_/) });
    expect(response.usage?.output_tokens).toBeGreaterThan(0);
  });

  it('streams the call’s arguments, its item done as incomplete, then response.failed', async () => {
    const { openai, clock } = await startResponsesBackend();
    const events = await driveClock(clock, collect(await openai.responses.create({ model: 'gpt-4o', input: 'Go', stream: true, metadata: bulk('3', '2') })));
    const tail = events.slice(-4);
    expect(tail.map((e) => e.type)).toEqual(['response.output_item.added', 'response.function_call_arguments.delta', 'response.output_item.done', 'response.failed']);
    expect((tail[2] as OpenAI.Responses.ResponseOutputItemDoneEvent).item).toMatchObject({ type: 'function_call', status: 'incomplete', name: 'charge_card' });
    expect((tail[3] as OpenAI.Responses.ResponseFailedEvent).response.error).toEqual(error);
  });

  it('through createResponsesRunsClient: a failed run whose failed step is the charge_card call', async () => {
    const { openai, clock } = await startResponsesBackend();
    const conversation = await openai.conversations.create({});
    const client = createResponsesRunsClient(openai, { assistants: { asst_bulk: { model: 'gpt-4o', metadata: bulk('300', '290') } } });
    const created = await client.createRun(conversation.id, { assistant_id: 'asst_bulk', additional_messages: [{ role: 'user', content: 'Check the catalogue' }] });
    clock.advance(500 + 300 * 10 + 1_000);
    const { run } = await client.getRun(conversation.id, created.id);
    expect(run).toMatchObject({ status: 'failed', last_error: error });

    const steps = [];
    let after: string | undefined;
    do {
      const page = await client.listRunSteps(conversation.id, created.id, { order: 'asc', limit: 100, ...(after && { after }) });
      steps.push(...page.data);
      after = page.has_more ? page.last_id ?? undefined : undefined;
    } while (after);
    expect(steps).toHaveLength(290);
    expect(steps.slice(0, -1).every((s) => s.status === 'completed')).toBe(true);
    const failed = steps.at(-1);
    expect(failed).toMatchObject({ status: 'failed', last_error: error, type: 'tool_calls' });
    expect(failed?.step_details.type === 'tool_calls' && failed.step_details.tool_calls[0]).toMatchObject({
      type: 'function',
      function: { name: 'charge_card', arguments: '{"order":"ord_290","amount_cents":1299}', output: null },
    });
  });

  it('rejects fail_step outside 1–10000 or past emulator.steps', async () => {
    const { openai } = await startResponsesBackend();
    await expectApiError(openai.responses.create({ model: 'gpt-4o', input: 'Go', metadata: bulk('10', '0') }), {
      status: 400,
      message: "Invalid 'metadata': 'emulator.fail_step' must be an integer from 1 to 10000, got '0'.",
      param: 'metadata',
    });
    await expectApiError(openai.responses.create({ model: 'gpt-4o', input: 'Go', metadata: bulk('10', '11') }), {
      status: 400,
      message: "Invalid 'metadata': 'emulator.fail_step' must be at most 'emulator.steps' (10), got '11'.",
      param: 'metadata',
    });
  });
});
