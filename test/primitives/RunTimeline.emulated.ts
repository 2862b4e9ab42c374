// Runs for the RunTimeline tests, made by the real emulator over HTTP through the official SDK and
// runlens's client, so every Run and RunStep is what the API returns (no hand-typed fixtures).
import { createAssistantsRunsClient, type Run, type RunStep, type RunsClient } from '../../src/core';
import { demoIds, type ScenarioName } from '../../src/emulator';
import { startTestBackend, type TestBackend } from '../support/emulator';

export interface EmulatedRunPlan {
  scenario: ScenarioName;
  /** Run metadata (`emulator.parallel`, `emulator.steps`, `emulator.fail_step`…). */
  metadata?: Record<string, string>;
  /** Emulator ms to run before reading. @default 5_000 (bulk: long enough for all its steps) */
  advanceMs?: number;
  /** Answer every tool call with this, then run 5 s more. */
  answer?: string;
  /** Cancel after advancing, then run `afterCancelMs`. */
  cancel?: boolean;
  afterCancelMs?: number;
}

export interface EmulatedRun {
  run: Run;
  steps: RunStep[];
  backend: TestBackend;
  client: RunsClient;
  threadId: string;
}

const endOf = (plan: EmulatedRunPlan) =>
  plan.advanceMs ?? (plan.scenario === 'bulk' ? 2_000 + Number(plan.metadata?.['emulator.steps'] ?? 100) * 10 : 5_000);

/** One run of `plan.scenario` on a fresh seeded emulator, with every step (asc, all pages). */
export async function emulatedRun(plan: EmulatedRunPlan): Promise<EmulatedRun> {
  const backend = await startTestBackend({ seed: true });
  const client = createAssistantsRunsClient(backend.openai);
  const threadId = (await backend.openai.beta.threads.create({})).id;
  const created = await client.createRun(threadId, {
    assistant_id: demoIds.assistants[plan.scenario],
    additional_messages: [{ role: 'user', content: `Please run the ${plan.scenario} scenario.` }],
    ...(plan.metadata ? { metadata: plan.metadata } : {}),
  });
  backend.clock.advance(endOf(plan));
  if (plan.answer !== undefined) {
    const { run: waiting } = await client.getRun(threadId, created.id);
    const calls = waiting.required_action?.submit_tool_outputs.tool_calls ?? [];
    await client.submitToolOutputs(threadId, created.id, { tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: plan.answer ?? '' })) });
    backend.clock.advance(5_000);
  }
  if (plan.cancel) {
    await client.cancelRun(threadId, created.id);
    backend.clock.advance(plan.afterCancelMs ?? 0);
  }
  const { run } = await client.getRun(threadId, created.id);
  const steps: RunStep[] = [];
  for (let after: string | undefined; ; ) {
    const page = await client.listRunSteps(threadId, run.id, { limit: 100, order: 'asc', ...(after ? { after } : {}) });
    steps.push(...page.data);
    if (!page.has_more || !page.last_id) break;
    after = page.last_id;
  }
  return { run, steps, backend, client, threadId };
}
