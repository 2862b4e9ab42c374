import { createAssistantsRunsClient, isTerminalRunStatus, type Metadata, type Run, type RunsClient } from '../../../src/core';
import type { ManualClock } from '../../../src/emulator';
import { startTestBackend, type TestBackend } from '../../support/emulator';

// Runs made on the emulator over HTTP through the official SDK, driven to their end on the manual
// clock: what the bundle and replay tests export.

export interface FinishedRun {
  backend: TestBackend;
  client: RunsClient;
  threadId: string;
  runId: string;
  run: Run;
}

/** A tool output with a fence in it (the Markdown must not break) and the call's id. */
export const toolOutputOf = (callId: string): string => JSON.stringify({ call: callId, note: 'has ``` inside', temperature: 21 });

/** Moves the clock until the run ends, answering every `requires_action` with `toolOutputOf`. */
export async function driveToEnd(client: RunsClient, clock: ManualClock, threadId: string, runId: string, stepMs = 250): Promise<Run> {
  for (let i = 0; i < 2_000; i += 1) {
    const { run } = await client.getRun(threadId, runId);
    if (isTerminalRunStatus(run.status)) return run;
    if (run.status === 'requires_action') {
      const calls = run.required_action!.submit_tool_outputs.tool_calls;
      await client.submitToolOutputs(threadId, runId, { tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: toolOutputOf(call.id) })) });
    } else clock.advance(stepMs);
  }
  throw new Error(`run ${runId} never ended`);
}

/** An Assistants run of `scenario` (assistant metadata `emulator.*`), finished. */
export async function finishedAssistantsRun(scenario: string, metadata: Metadata = {}, tools: { type: 'file_search' | 'code_interpreter' }[] = []): Promise<FinishedRun> {
  const backend = await startTestBackend();
  const { openai, clock } = backend;
  const client = createAssistantsRunsClient(openai);
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', tools, metadata: { 'emulator.scenario': scenario, ...metadata } });
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: `Run the ${scenario} scenario.` }] });
  const created = await client.createRun(thread.id, { assistant_id: assistant.id });
  const run = await driveToEnd(client, clock, thread.id, created.id, scenario === 'bulk' ? 5_000 : 250);
  return { backend, client, threadId: thread.id, runId: created.id, run };
}
