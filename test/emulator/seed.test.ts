import { describe, expect, it } from 'vitest';
import { demoIds, scenarioNames } from '../../src/emulator';
import { startCheckedBackend } from './checked-backend';
import { expectConforms, expectListConforms } from './conformance';
import { inspect, listBody } from './invariants';

describe('seeded demo data', () => {
  it('has an assistant per scenario, named and tagged', async () => {
    const { openai } = await startCheckedBackend({ seed: true });
    const page = await listBody<{ id: string; name: string; metadata: Record<string, string> }>(openai.beta.assistants.list({ limit: 100, order: 'asc' }));
    expectListConforms('ListAssistantsResponse', page);
    expect(page.data.map((a) => a.id)).toEqual(scenarioNames.map((name) => demoIds.assistants[name]));
    for (const assistant of page.data) {
      expect(assistant.name.length).toBeGreaterThan(3);
      expect(demoIds.assistants[assistant.metadata['emulator.scenario'] as keyof typeof demoIds.assistants]).toBe(assistant.id);
    }
  });

  it('has a thread with a run in every terminal status, each consistent with its steps', async () => {
    const { openai } = await startCheckedBackend({ seed: true });
    const thread = await openai.beta.threads.retrieve(demoIds.threads.statuses);
    expectConforms('ThreadObject', thread);
    const runs = (await openai.beta.threads.runs.list(thread.id)).data;
    expect(Object.fromEntries(runs.map((r) => [r.id, r.status]))).toEqual({
      [demoIds.runs.completed]: 'completed',
      [demoIds.runs.failed]: 'failed',
      [demoIds.runs.cancelled]: 'cancelled',
      [demoIds.runs.expired]: 'expired',
      [demoIds.runs.incomplete]: 'incomplete',
    });
    for (const run of runs) {
      const { steps } = await inspect(openai, run);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.every((s) => s.status !== 'in_progress')).toBe(true);
    }
  });

  it('has a long history to page through', async () => {
    const { openai } = await startCheckedBackend({ seed: true });
    const ids: string[] = [];
    for await (const run of openai.beta.threads.runs.list(demoIds.threads.history, { limit: 10 })) {
      expectConforms('RunObject', run);
      expect(run.status).toBe('completed');
      ids.push(run.id);
    }
    expect(ids.length).toBeGreaterThanOrEqual(45);
    expect(new Set(ids).size).toBe(ids.length);
    const [newest] = ids;
    const { steps } = await inspect(openai, { id: newest ?? '', thread_id: demoIds.threads.history });
    expect(steps.length).toBeGreaterThan(0);
    const messages = await listBody(openai.beta.threads.messages.list(demoIds.threads.history, { limit: 50 }));
    expectListConforms('ListMessagesResponse', messages);
    expect(messages.has_more).toBe(true);
  });

  it('has live runs: one waiting for tool outputs, one in progress, both moving with the clock', async () => {
    const { openai, clock } = await startCheckedBackend({ seed: true });
    const waiting = await inspect(openai, { id: demoIds.runs.requiresAction, thread_id: demoIds.threads.requiresAction });
    expect(waiting.run.status).toBe('requires_action');
    expect(waiting.run.required_action?.submit_tool_outputs.tool_calls.length).toBe(2);
    const working = await inspect(openai, { id: demoIds.runs.inProgress, thread_id: demoIds.threads.inProgress });
    expect(working.run.status).toBe('in_progress');

    clock.advance(200_000);
    expect((await inspect(openai, working.run)).run.status).toBe('completed');
    clock.advance(400_000);
    expect((await inspect(openai, waiting.run)).run.status).toBe('expired');
  });
});
