import { describe, expect, it } from 'vitest';
import { collectRunBundle, RUN_BUNDLE_FORMAT, type RunBundle } from '../../../src/core';
import { createReplayRunsClient } from '../../../src/backends/replay';
import { finishedAssistantsRun, toolOutputOf, type FinishedRun } from './runs';
import { expectSameReads } from './same-reads';

// Runs exported from the Assistants API (the emulator, over HTTP, through the official SDK), written
// out as JSON, read back, and opened with createReplayRunsClient: every read answers as the API did.

async function exportAndReopen(finished: FinishedRun): Promise<{ bundle: RunBundle; file: unknown }> {
  const progress: number[] = [];
  const bundle = await collectRunBundle(finished.client, finished.threadId, finished.runId, { onProgress: (loaded) => progress.push(loaded) });
  expect(progress.at(-1)).toBe(bundle.steps.length);
  const file = JSON.parse(JSON.stringify(bundle)) as unknown;
  const replay = createReplayRunsClient(file);
  expect(replay.bundle).toEqual(bundle);
  expect([replay.threadId, replay.runId]).toEqual([finished.threadId, finished.runId]);
  await expectSameReads(finished.client, replay, finished.threadId, finished.runId, bundle);
  return { bundle, file };
}

describe('collectRunBundle → JSON → createReplayRunsClient (Assistants)', () => {
  it('a function-calling run with three parallel calls: arguments, outputs and the final message', async () => {
    const finished = await finishedAssistantsRun('function_call', { 'emulator.parallel': '3' });
    const { bundle } = await exportAndReopen(finished);
    expect(bundle).toMatchObject({ format: RUN_BUNDLE_FORMAT, version: 1, run: { id: finished.runId, status: 'completed' } });
    expect(Date.parse(bundle.exportedAt)).not.toBeNaN();
    const calls = bundle.steps.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []));
    expect(calls).toHaveLength(3);
    for (const call of calls) expect(call.type === 'function' && call.function.output).toBe(toolOutputOf(call.id));
    expect(bundle.messages.map((message) => message.role)).toEqual(['assistant']);
    expect(bundle.events).toBeUndefined();
  });

  it('a code_interpreter run: code, logs and the image', async () => {
    const { bundle } = await exportAndReopen(await finishedAssistantsRun('code_interpreter', {}, [{ type: 'code_interpreter' }]));
    const outputs = bundle.steps.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : [])).flatMap((call) => (call.type === 'code_interpreter' ? call.code_interpreter.outputs : []));
    expect(outputs.map((output) => output.type).sort()).toEqual(['image', 'logs']);
  });

  it('a file_search run keeps each result’s content (and the replay leaves it out without include, as the API does)', async () => {
    const { bundle } = await exportAndReopen(await finishedAssistantsRun('file_search', {}, [{ type: 'file_search' }]));
    const results = bundle.steps.flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : [])).flatMap((call) => (call.type === 'file_search' ? (call.file_search.results ?? []) : []));
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.content?.[0]?.text).toEqual(expect.any(String));
  });

  it('a failed run: the run’s and the step’s last_error', async () => {
    const { bundle } = await exportAndReopen(await finishedAssistantsRun('fail'));
    expect(bundle.run).toMatchObject({ status: 'failed', last_error: { code: 'server_error' } });
    expect(bundle.steps.some((step) => step.status === 'failed' && step.last_error !== null)).toBe(true);
  });

  it('a 1 000-step run: every page read, every step once, in order', async () => {
    const finished = await finishedAssistantsRun('bulk', { 'emulator.steps': '1000' });
    const { bundle } = await exportAndReopen(finished);
    expect(bundle.steps).toHaveLength(1001);
    expect(new Set(bundle.steps.map((step) => step.id)).size).toBe(1001);
    const created = bundle.steps.map((step) => step.created_at);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('stops when its signal aborts', async () => {
    const finished = await finishedAssistantsRun('bulk', { 'emulator.steps': '300' });
    const controller = new AbortController();
    const collecting = collectRunBundle(finished.client, finished.threadId, finished.runId, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(collecting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
