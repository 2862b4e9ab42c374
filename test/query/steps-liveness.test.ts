import { describe, expect, it } from 'vitest';
import { runStepSchema, type ListPage, type Run, type RunStep } from '../../src/api/schemas';
import { resolvePollingTuning } from '../../src/query/polling';
import { nextStepsPollInterval, rememberRunForStepsPage, shareStepsKeepingContext } from '../../src/query/steps-liveness';
import { makeRun } from './run-fixture';

const tuning = resolvePollingTuning({ minIntervalMs: 100, maxIntervalMs: 1000, quickPolls: 1 });

function step(status: RunStep['status']): RunStep {
  return runStepSchema.parse({
    id: `step_${status}`, object: 'thread.run.step', created_at: 1, assistant_id: 'asst_1', thread_id: 'thread_1',
    run_id: 'run_1', type: 'message_creation', status, step_details: { type: 'message_creation', message_creation: { message_id: 'msg_1' } },
    last_error: null, expired_at: null, cancelled_at: null, failed_at: null, completed_at: null, metadata: {}, usage: null,
  });
}

function data(steps: RunStep[], run: Run | undefined) {
  const page: ListPage<RunStep> = { object: 'list', data: steps, first_id: steps[0]?.id ?? null, last_id: steps.at(-1)?.id ?? null, has_more: false };
  return { pages: [rememberRunForStepsPage(page, run)], pageParams: [{}] };
}

describe('nextStepsPollInterval', () => {
  it('follows the run while it can move', () => {
    expect(nextStepsPollInterval(data([step('completed')], makeRun({ status: 'in_progress' })), tuning)).toBe(100);
  });
  it('stops only after a fetch that saw the run terminal and every step final', () => {
    const ended = makeRun({ status: 'completed', expires_at: null });
    expect(nextStepsPollInterval(data([step('completed')], ended), tuning)).toBe(false);
    expect(nextStepsPollInterval(data([step('in_progress')], ended), tuning)).toBe(100);
  });
  it('polls slowly when the run is unknown, and not at all without data', () => {
    expect(nextStepsPollInterval(data([], undefined), tuning)).toBe(1000);
    expect(nextStepsPollInterval(undefined, tuning)).toBe(false);
  });
  it('keeps the page context when structural sharing keeps the previous page', () => {
    const previous = data([step('completed')], makeRun({ status: 'in_progress' }));
    const next = data([step('completed')], makeRun({ status: 'completed', expires_at: null }));
    const kept = shareStepsKeepingContext(previous, next) as typeof previous;
    expect(kept.pages[0]).toBe(previous.pages[0]);
    expect(nextStepsPollInterval(kept, tuning)).toBe(false);
  });
});
