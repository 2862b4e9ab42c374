// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import { demoIds } from '../../src/emulator';
import { formatDuration, runDurationMs, runEnd, timelineLayout } from '../../src/primitives';
import { startTestBackend } from '../support/emulator';

// Ended runs end on screen: the seeded runs of every terminal status, as the emulator serves them
// (an incomplete or expired run carries no end stamp), keep the same end and duration however
// much later they are looked at.

async function seededRun(runId: string) {
  const { openai } = await startTestBackend({ seed: true });
  const client = createAssistantsRunsClient(openai);
  const { run } = await client.getRun(demoIds.threads.statuses, runId);
  const steps = (await client.listRunSteps(demoIds.threads.statuses, runId, { order: 'asc' })).data;
  return { run, steps };
}

const hour = 3_600_000;

describe('runEnd', () => {
  it.each([
    ['completed', demoIds.runs.completed, 'Completed'],
    ['failed', demoIds.runs.failed, 'Failed'],
    ['cancelled', demoIds.runs.cancelled, 'Cancelled'],
    ['incomplete', demoIds.runs.incomplete, 'Ended'],
    ['expired', demoIds.runs.expired, 'Expired'],
  ])('a %s run ends at a time it or its steps carry, never the wall clock', async (_status, runId, label) => {
    const { run, steps } = await seededRun(runId);
    const end = runEnd(run, steps);
    expect(end?.label).toBe(label);
    const stamps = [run.completed_at, run.failed_at, run.cancelled_at, ...steps.flatMap((s) => [s.completed_at, s.failed_at, s.cancelled_at, s.expired_at])];
    expect(stamps.map((stamp) => (stamp ?? 0) * 1000)).toContain(end!.atMs);

    const now = Date.now();
    expect(runDurationMs(run, now + hour, steps)).toBe(runDurationMs(run, now, steps));
    expect(timelineLayout(run, steps, now + hour).endMs).toBe(timelineLayout(run, steps, now).endMs);
  });

  it('the expired run lasts until its step expired (600 s), the incomplete one until its last step', async () => {
    const expired = await seededRun(demoIds.runs.expired);
    expect(formatDuration(runDurationMs(expired.run, Date.now(), expired.steps))).toBe('10 min');
    const incomplete = await seededRun(demoIds.runs.incomplete);
    expect(runDurationMs(incomplete.run, Date.now(), incomplete.steps)).toBeLessThan(10_000);
  });

  it('a run that can still change has no end: its duration runs to now', async () => {
    const { openai } = await startTestBackend({ seed: true });
    const { run } = await createAssistantsRunsClient(openai).getRun(demoIds.threads.inProgress, demoIds.runs.inProgress);
    expect(runEnd(run)).toBeNull();
    const start = (run.started_at ?? run.created_at) * 1000;
    expect(runDurationMs(run, start + 5000)).toBe(5000);
  });
});
