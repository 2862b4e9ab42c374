import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { startCheckedBackend } from './checked-backend';
import { expectConforms, expectListConforms } from './conformance';
import { setUpScenario, textOf } from './helpers';
import { inspect, listBody } from './invariants';


describe('scenario: function_call', () => {
  const lookup = {
    type: 'function' as const,
    function: {
      name: 'lookup_order',
      parameters: {
        type: 'object',
        properties: {
          order_id: { type: 'string', minLength: 5 },
          include_items: { type: 'boolean' },
          priority: { type: 'string', enum: ['low', 'normal', 'urgent'] },
          quantity: { type: 'integer', minimum: 3, maximum: 9 },
          tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
          address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          deliver_on: { type: 'string', format: 'date' },
          channel: { anyOf: [{ type: 'string', enum: ['email', 'sms'] }, { type: 'null' }] },
          version: { const: 2 },
          note: { type: ['string', 'null'], maxLength: 3 },
          weight: { type: 'number', minimum: 0.5, maximum: 0.75, multipleOf: 0.25 },
        },
        required: ['order_id', 'priority', 'quantity', 'address', 'version'],
        additionalProperties: false,
      },
    },
  };
  const refund = {
    type: 'function' as const,
    function: { name: 'refund', parameters: { type: 'object', properties: { amount: { type: 'number', exclusiveMinimum: 0 } }, required: ['amount'] } },
  };

  it('asks for parallel calls with schema-valid arguments, takes the outputs, asks again, then completes', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'function_call', {
      tools: [lookup, refund],
      metadata: { 'emulator.parallel': '2', 'emulator.rounds': '2' },
    });
    const ajv = new Ajv2020({ allErrors: true }).addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    const validators = new Map([lookup, refund].map((t) => [t.function.name, ajv.compile(t.function.parameters)]));
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });

    for (let round = 0; round < 2; round += 1) {
      clock.advance(2_000);
      const waiting = await inspect(openai, run);
      expect(waiting.run.status).toBe('requires_action');
      const calls = waiting.run.required_action?.submit_tool_outputs.tool_calls ?? [];
      expect(calls).toHaveLength(2);
      for (const call of calls) {
        const validate = validators.get(call.function.name);
        expect(validate?.(JSON.parse(call.function.arguments)), JSON.stringify(validate?.errors)).toBe(true);
      }
      const step = waiting.steps.at(-1);
      expect(step?.status).toBe('in_progress');
      if (step?.step_details.type !== 'tool_calls') throw new Error('expected a tool_calls step');
      expect(step.step_details.tool_calls.map((c) => c.type === 'function' && [c.id, c.function.arguments, c.function.output])).toEqual(
        calls.map((c) => [c.id, c.function.arguments, null]),
      );

      const queued = await openai.beta.threads.runs.submitToolOutputs(run.id, {
        thread_id: thread.id,
        tool_outputs: calls.map((c, i) => ({ tool_call_id: c.id, output: `result ${round}.${i}` })),
      });
      expect(queued.status).toBe('queued');
      const after = await inspect(openai, run);
      const answered = after.steps.find((s) => s.id === step.id);
      expect(answered?.status).toBe('completed');
      if (answered?.step_details.type !== 'tool_calls') throw new Error('expected a tool_calls step');
      expect(answered.step_details.tool_calls.map((c) => c.type === 'function' && c.function.output)).toEqual([`result ${round}.0`, `result ${round}.1`]);
    }

    clock.advance(2_000);
    const done = await inspect(openai, run);
    expect(done.run.status).toBe('completed');
    expect(done.steps.map((s) => s.type)).toEqual(['tool_calls', 'tool_calls', 'message_creation']);
    const sum = done.steps.reduce((total, s) => total + (s.usage?.total_tokens ?? 0), 0);
    expect(done.run.usage?.total_tokens).toBe(sum);
    const [answer] = (await openai.beta.threads.messages.list(thread.id, { run_id: run.id })).data;
    expect(answer && textOf(answer)).toContain('result 1.1');
  });

  it('calls a get_weather-like function when the run has no function tools, one call when parallel_tool_calls is false', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'function_call', { metadata: { 'emulator.parallel': '3' } });
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id, parallel_tool_calls: false });
    clock.advance(2_000);
    const { run: waiting } = await inspect(openai, run);
    const calls = waiting.required_action?.submit_tool_outputs.tool_calls ?? [];
    expect(calls).toHaveLength(1);
    expect(calls[0]?.function.name).toBe('get_weather');
    expect(JSON.parse(calls[0]?.function.arguments ?? '{}')).toHaveProperty('location');
  });
});

describe('cancel while waiting for tool outputs', () => {
  it('cancels the run and its open tool_calls step', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'function_call');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(2_000);
    const cancelling = await openai.beta.threads.runs.cancel(run.id, { thread_id: thread.id });
    expect(cancelling).toMatchObject({ status: 'cancelling', required_action: null });
    clock.advance(500);
    const { run: cancelled, steps } = await inspect(openai, run);
    expect(cancelled.status).toBe('cancelled');
    expect(steps.map((s) => [s.type, s.status])).toEqual([['tool_calls', 'cancelled']]);
  });
});

describe('scenario: code_interpreter', () => {
  it('runs code (input, logs, an image file) and then answers with the image', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'code_interpreter', { tools: [{ type: 'code_interpreter' }] });
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(1_000);
    const midway = await inspect(openai, run);
    const call = midway.steps[0]?.step_details.type === 'tool_calls' ? midway.steps[0].step_details.tool_calls[0] : undefined;
    expect(call?.type === 'code_interpreter' && call.code_interpreter.input.length).toBeGreaterThan(0);

    clock.advance(2_000);
    const done = await inspect(openai, run);
    expect(done.run.status).toBe('completed');
    const [tools, message] = done.steps;
    if (tools?.step_details.type !== 'tool_calls' || message?.step_details.type !== 'message_creation') throw new Error('unexpected steps');
    const code = tools.step_details.tool_calls[0];
    if (code?.type !== 'code_interpreter') throw new Error('expected a code_interpreter call');
    expect(code.code_interpreter.input).toContain('plt.savefig');
    expect(code.code_interpreter.outputs.map((o) => o.type)).toEqual(['logs', 'image']);
    const image = code.code_interpreter.outputs.find((o) => o.type === 'image');
    const fileId = image?.type === 'image' ? image.image.file_id : undefined;
    expect(fileId).toMatch(/^file-/);
    const answer = await openai.beta.threads.messages.retrieve(message.step_details.message_creation.message_id, { thread_id: thread.id });
    expect(answer.content[0]).toEqual({ type: 'image_file', image_file: { file_id: fileId } });
  });
});

describe('scenario: file_search', () => {
  it('returns ranked results with ranking_options, and chunk content only when include[] asks', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'file_search', {
      tools: [{ type: 'file_search', file_search: { max_num_results: 5, ranking_options: { ranker: 'auto', score_threshold: 0.5 } } }],
    });
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(3_000);
    const done = await inspect(openai, run);
    expect(done.run.status).toBe('completed');
    const step = done.steps[0];
    const call = step?.step_details.type === 'tool_calls' ? step.step_details.tool_calls[0] : undefined;
    if (call?.type !== 'file_search' || !step) throw new Error('expected a file_search call');
    expect(call.file_search.ranking_options).toEqual({ ranker: 'default_2024_08_21', score_threshold: 0.5 });
    const results = call.file_search.results ?? [];
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result).toEqual({ file_id: expect.stringMatching(/^file-/), file_name: expect.any(String), score: expect.any(Number) });
      expect(result.score).toBeGreaterThanOrEqual(0.5);
    }
    expect(results.map((r) => r.score)).toEqual([...results.map((r) => r.score)].sort((a, b) => b - a));

    const include = ['step_details.tool_calls[*].file_search.results[*].content' as const];
    const withContent = await openai.beta.threads.runs.steps.retrieve(step.id, { thread_id: thread.id, run_id: run.id, include });
    expectConforms('RunStepObject', withContent);
    const listed = await listBody<typeof withContent>(openai.beta.threads.runs.steps.list(run.id, { thread_id: thread.id, include }));
    expectListConforms('ListRunStepsResponse', listed);
    for (const fetched of [withContent, listed.data.find((s) => s.id === step.id)]) {
      const fetchedCall = fetched?.step_details.type === 'tool_calls' ? fetched.step_details.tool_calls[0] : undefined;
      const first = fetchedCall?.type === 'file_search' ? fetchedCall.file_search.results?.[0] : undefined;
      expect(first?.content?.[0]).toEqual({ type: 'text', text: expect.any(String) });
    }
    const answer = (await openai.beta.threads.messages.list(thread.id, { run_id: run.id })).data[0];
    const text = answer?.content.find((p) => p.type === 'text');
    expect(text?.type === 'text' && text.text.annotations[0]).toMatchObject({ type: 'file_citation', file_citation: { file_id: results[0]?.file_id } });
  });
});

describe('scenario: expire', () => {
  it('waits in requires_action until expires_at, then the run and its step expire', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'expire');
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(599_000);
    const waiting = await inspect(openai, run);
    expect(waiting.run.status).toBe('requires_action');
    expect(waiting.steps[0]?.status).toBe('in_progress');

    clock.advance(1_000);
    const { run: expired, steps } = await inspect(openai, run);
    expect(expired.status).toBe('expired');
    expect(steps[0]).toMatchObject({ status: 'expired', expired_at: run.created_at + 600 });
  });
});

