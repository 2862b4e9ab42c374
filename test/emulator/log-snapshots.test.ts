import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/emulator';
import { Engine } from '../../src/emulator/engine';
import { createIdFactory } from '../../src/emulator/ids';
import { cloneJson } from '../../src/emulator/clone';
import type { RunObject, RunStepObject } from '../../src/emulator/types';

// The run's event log copies an object only when it next changes (src/emulator/snapshots.ts);
// every logged event must still read as the object was when it was logged.

function engineWithRun(metadata: Record<string, string>) {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const engine = new Engine(clock, createIdFactory());
  const assistant = engine.createAssistant({ model: 'gpt-4o', tools: [{ type: 'function', function: { name: 'get_weather' } }], metadata }, clock.now());
  const record = engine.createThreadAndRun({}, { assistant_id: assistant.id }, clock.now());
  return { clock, engine, record };
}

const dataOf = (log: { event: string; data: unknown }[], event: string) => log.filter((e) => e.event === event).map((e) => e.data);

describe('event log snapshots', () => {
  it('keeps each step as it was at each event, through status changes', () => {
    const { clock, engine, record } = engineWithRun({ 'emulator.scenario': 'bulk', 'emulator.steps': '3' });
    clock.advance(60_000);
    engine.tick(clock.now());
    expect(record.object.status).toBe('completed');
    const created = dataOf(record.log, 'thread.run.step.created') as RunStepObject[];
    const completed = dataOf(record.log, 'thread.run.step.completed') as RunStepObject[];
    expect(created.map((s) => [s.status, s.completed_at, s.usage])).toEqual(created.map(() => ['in_progress', null, null]));
    expect(completed.every((s) => s.status === 'completed' && s.usage !== null)).toBe(true);
    const runStates = record.log.filter((e) => e.event.startsWith('thread.run.') && !e.event.includes('step')).map((e) => [e.event, (e.data as RunObject).status]);
    expect(runStates).toEqual([
      ['thread.run.created', 'queued'],
      ['thread.run.queued', 'queued'],
      ['thread.run.in_progress', 'in_progress'],
      ['thread.run.completed', 'completed'],
    ]);
  });

  it('keeps tool-call snapshots apart from later deltas and tool outputs', () => {
    const { clock, engine, record } = engineWithRun({ 'emulator.scenario': 'function_call' });
    clock.advance(30_000);
    engine.tick(clock.now());
    expect(record.object.status).toBe('requires_action');
    const stepCreated = structuredClone(dataOf(record.log, 'thread.run.step.created')[0] as RunStepObject);
    const asked = cloneJson(dataOf(record.log, 'thread.run.requires_action')[0] as RunObject);
    expect(stepCreated.step_details).toEqual({ type: 'tool_calls', tool_calls: [] });

    const calls = record.object.required_action!.submit_tool_outputs.tool_calls;
    engine.submitToolOutputs(record, clock.now(), calls.map((call) => ({ tool_call_id: call.id, output: 'sunny' })));
    clock.advance(60_000);
    engine.tick(clock.now());
    expect(record.object.status).toBe('completed');

    // The first snapshots are unchanged by the deltas, outputs and status changes that followed.
    expect(dataOf(record.log, 'thread.run.step.created')[0]).toEqual(stepCreated);
    expect(dataOf(record.log, 'thread.run.requires_action')[0]).toEqual(asked);
    const step = record.steps[0]!;
    const done = dataOf(record.log, 'thread.run.step.completed')[0] as RunStepObject;
    expect(done).toEqual(step);
    expect(step.step_details.type === 'tool_calls' && step.step_details.tool_calls.every((c) => c.type === 'function' && c.function.output === 'sunny')).toBe(true);
  });
});
