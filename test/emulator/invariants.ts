import type OpenAI from 'openai';
import { expect } from 'vitest';
import { expectConforms, expectListConforms } from './conformance';

type Run = OpenAI.Beta.Threads.Run;
type Step = OpenAI.Beta.Threads.Runs.RunStep;

export interface ListBody<T> {
  object: 'list';
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

/** A list call's JSON body exactly as sent (the SDK's page object hides `first_id`/`last_id`). */
export async function listBody<T>(request: { asResponse(): Promise<Response> }): Promise<ListBody<T>> {
  return (await (await request.asResponse()).json()) as ListBody<T>;
}

const terminal = ['completed', 'failed', 'cancelled', 'expired', 'incomplete'];

/** What holds for every run the API returns, whatever its status. */
export function expectRunInvariants(run: Run): void {
  expectConforms('RunObject', run);
  const isTerminal = terminal.includes(run.status);
  expect(run.usage === null, `usage null until terminal (${run.status})`).toBe(!isTerminal);
  expect(run.expires_at === null, `expires_at null once terminal (${run.status})`).toBe(isTerminal);
  expect(run.required_action !== null, `required_action only in requires_action (${run.status})`).toBe(run.status === 'requires_action');
  if (run.expires_at !== null) expect(run.expires_at).toBe(run.created_at + 600);
  for (const at of [run.started_at, run.completed_at, run.failed_at, run.cancelled_at]) if (at !== null) expect(at).toBeGreaterThanOrEqual(run.created_at);
  if (run.completed_at !== null) expect(run.completed_at).toBeGreaterThanOrEqual(run.started_at ?? Infinity);
  if (run.usage) expect(run.usage.total_tokens).toBe(run.usage.prompt_tokens + run.usage.completion_tokens);
}

export function expectStepInvariants(step: Step, run?: Run): void {
  expectConforms('RunStepObject', step);
  expect(step.usage === null || step.status !== 'in_progress').toBe(true);
  for (const at of [step.completed_at, step.failed_at, step.cancelled_at, step.expired_at]) if (at !== null) expect(at).toBeGreaterThanOrEqual(step.created_at);
  if (run) {
    expect(step.run_id).toBe(run.id);
    expect(step.thread_id).toBe(run.thread_id);
    expect(step.assistant_id).toBe(run.assistant_id);
    expect(step.created_at).toBeGreaterThanOrEqual(run.created_at);
  }
}

/** The run (checked) and its steps in creation order (checked, list page included). */
export async function inspect(openai: OpenAI, run: { id: string; thread_id: string }): Promise<{ run: Run; steps: Step[] }> {
  const current = await openai.beta.threads.runs.retrieve(run.id, { thread_id: run.thread_id });
  expectRunInvariants(current);
  const page = await listBody<Step>(openai.beta.threads.runs.steps.list(run.id, { thread_id: run.thread_id, order: 'asc' }));
  expectListConforms('ListRunStepsResponse', page);
  for (const step of page.data) expectStepInvariants(step, current);
  return { run: current, steps: page.data };
}
