import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { createEmulator, createManualClock, demoIds } from '../../src/emulator';
import { startCheckedBackend } from './checked-backend';
import { expectApiError, setUpScenario, textOf } from './helpers';
import { inspect } from './invariants';

// The emulator extensions stories and benches rely on: the `bulk` scenario (`emulator.steps`) and
// `emulator.text` carried into replies, arguments, code, logs, file names and contents.

const hostile = '<img src=x onerror=alert(1)>';

describe('scenario: bulk', () => {
  it('lays out emulator.steps completed tool_calls steps cycling the three tool types, then a message', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'bulk', { metadata: { 'emulator.steps': '7' } });
    const created = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(2_000);
    const { run, steps } = await inspect(openai, created);
    expect(run.status).toBe('completed');
    expect(steps).toHaveLength(8);
    expect(steps.every((s) => s.status === 'completed')).toBe(true);
    const types = steps.map((s) => (s.step_details.type === 'tool_calls' ? s.step_details.tool_calls[0]?.type : s.step_details.type));
    expect(types).toEqual(['function', 'code_interpreter', 'file_search', 'function', 'code_interpreter', 'file_search', 'function', 'message_creation']);
  });

  it('rejects emulator.steps outside 1–10000', async () => {
    const { openai } = await startCheckedBackend();
    await expectApiError(openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'bulk', 'emulator.steps': '10001' } }), {
      status: 400,
      message: "Invalid 'metadata': 'emulator.steps' must be an integer from 1 to 10000, got '10001'.",
      param: 'metadata',
    });
  });

  it('serves a 10 000-step run page by page (in-process fetch, as in the browser)', async () => {
    const clock = createManualClock(Date.UTC(2026, 0, 1));
    const emulator = createEmulator({ clock, seed: true });
    const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: 'https://emulator.runlens.invalid/v1', fetch: emulator.fetch });
    const run = await openai.beta.threads.createAndRun({
      assistant_id: demoIds.assistants.bulk,
      metadata: { 'emulator.steps': '10000' },
    });
    clock.advance(102_000);
    expect((await openai.beta.threads.runs.retrieve(run.id, { thread_id: run.thread_id })).status).toBe('completed');
    let count = 0;
    for await (const step of openai.beta.threads.runs.steps.list(run.id, { thread_id: run.thread_id, limit: 100, order: 'asc' })) {
      expect(step.status).toBe('completed');
      count += 1;
    }
    expect(count).toBe(10_001);
  }, 60_000);
});

describe('emulator.text', () => {
  it('carries the string into function arguments and the reply', async () => {
    const { openai, clock } = await startCheckedBackend();
    const { assistant, thread } = await setUpScenario(openai, 'function_call', { metadata: { 'emulator.text': hostile } });
    let run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(2_000);
    run = await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
    const call = run.required_action?.submit_tool_outputs.tool_calls[0];
    expect(JSON.parse(call?.function.arguments ?? '{}')).toMatchObject({ location: hostile });
    await openai.beta.threads.runs.submitToolOutputs(run.id, { thread_id: thread.id, tool_outputs: [{ tool_call_id: call?.id ?? '', output: hostile }] });
    clock.advance(3_000);
    const messages = await openai.beta.threads.messages.list(thread.id, { order: 'desc', limit: 1 });
    expect(textOf(messages.data[0] as OpenAI.Beta.Threads.Message)).toContain(hostile);
  });

  it('carries the string into code, logs, file names and chunk contents', async () => {
    const { openai, clock } = await startCheckedBackend();
    const code = await setUpScenario(openai, 'code_interpreter', { metadata: { 'emulator.text': hostile } });
    const codeRun = await openai.beta.threads.runs.create(code.thread.id, { assistant_id: code.assistant.id });
    clock.advance(3_000);
    const codeCall = (await inspect(openai, codeRun)).steps.flatMap((s) => (s.step_details.type === 'tool_calls' ? s.step_details.tool_calls : []))[0];
    expect(codeCall?.type).toBe('code_interpreter');
    if (codeCall?.type !== 'code_interpreter') return;
    expect(codeCall.code_interpreter.input).toContain(hostile);
    expect(codeCall.code_interpreter.outputs).toContainEqual({ type: 'logs', logs: `max=1.00 at x=1.56\n${hostile}` });

    const search = await setUpScenario(openai, 'file_search', { tools: [{ type: 'file_search' }], metadata: { 'emulator.text': hostile } });
    const searchRun = await openai.beta.threads.runs.create(search.thread.id, { assistant_id: search.assistant.id });
    clock.advance(3_000);
    const steps = await openai.beta.threads.runs.steps.list(searchRun.id, {
      thread_id: search.thread.id,
      include: ['step_details.tool_calls[*].file_search.results[*].content'],
    });
    const result = steps.data.flatMap((s) => (s.step_details.type === 'tool_calls' ? s.step_details.tool_calls : [])).find((c) => c.type === 'file_search');
    const first = result?.type === 'file_search' ? result.file_search.results?.[0] : undefined;
    expect(first?.file_name).toBe(`run-lifecycle-guide.md ${hostile}`);
    expect(first?.content?.[0]?.text).toContain(hostile);
  });
});
