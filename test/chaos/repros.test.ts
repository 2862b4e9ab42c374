import { environmentManager, focusManager } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../src/api/schemas';
import { demoIds, type FaultProfile } from '../../src/emulator';
import { startTestBackend } from '../support/emulator';
import { advanceUntil, settle, tick } from '../support/streaming-backend';
import { createTabSdk } from './backend';
import { ChaosTab, chaosPolling } from './tab';

// The chaos runs' failures, each cut down to one scenario, one fault and one action, on a manual
// clock (nothing moves unless the test moves it). Each test states what should happen; the ones
// that fail are bugs in src/ the chaos test found (see the seeds in their titles).

beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => {
  environmentManager.setIsServer(() => typeof window === 'undefined');
  focusManager.setFocused(undefined);
});
const tabs: ChaosTab[] = [];
afterEach(() => tabs.splice(0).forEach((tab) => tab.close()));

/** A tab showing the thread's runs list (useRuns), on the seeded emulator, SDK with `maxRetries: 2`. */
async function openTab() {
  const b = await startTestBackend({ seed: true });
  const threadId = (await b.openai.beta.threads.create({})).id;
  const tab = new ChaosTab('A', createTabSdk(b.baseURL), threadId, chaosPolling(() => b.clock.now()));
  tabs.push(tab);
  await settle(() => tab.listResult().isSuccess, 'the runs list');
  return { b, threadId, tab };
}

/** Switches faults off as soon as one has fired, so only the first matching request gets it. */
async function faultOnce(b: Awaited<ReturnType<typeof openTab>>['b'], profile: FaultProfile, until: Promise<unknown>): Promise<void> {
  b.emulator.faults.set(profile);
  let settled = false;
  const done = () => void (settled = true);
  until.then(done, done);
  await settle(() => b.emulator.faults.log.length > 0 || settled, 'the fault');
  b.emulator.faults.set(null);
}

const serverRuns = async (b: Awaited<ReturnType<typeof openTab>>['b'], threadId: string): Promise<Run[]> =>
  (await b.openai.beta.threads.runs.list(threadId)).data as unknown as Run[];

describe('a create whose answer is lost after the run was made (seeds 13, 66, 96, 128, 164, 193, 277, 290)', () => {
  const triggers: [string, FaultProfile, boolean][] = [
    ['reset after processing, then the SDK retry is refused (400 active run)', { rules: [{ kind: 'reset', route: 'POST /threads/*/runs', at: 'headers', when: 'after' }] }, false],
    ['a truncated answer', { rules: [{ kind: 'truncate', route: 'POST /threads/*/runs' }] }, false],
    ['a streamed create cut before thread.run.created', { rules: [{ kind: 'sse-cut', route: 'POST /threads/*/runs', afterEvents: 0 }] }, true],
  ];

  it.each(triggers)('%s: the run it made shows in the runs list and ends there', async (_, profile, stream) => {
    const { b, threadId, tab } = await openTab();
    const created = tab.create({ assistant_id: demoIds.assistants.message }, stream).then(
      (run) => ({ run, error: undefined }),
      (error: unknown) => ({ run: undefined, error }),
    );
    await faultOnce(b, profile, created);
    const { run } = await created;
    if (run) tab.watch(run.id);
    const [made] = await serverRuns(b, threadId);
    expect(made, 'the server made the run').toBeDefined();
    await advanceUntil(b.clock, () => tab.listedRun(made!.id)?.status === 'completed', 'the run to show completed in the list', 100, 60).catch(() => undefined);
    // Today: the create rejects (connection error, unreadable answer, or ActiveRunError naming this very
    // run), nothing writes the run anywhere, and the list (not polled) never shows it.
    expect(tab.listedRun(made!.id)?.status).toBe('completed');
  });
});

describe('the stream watchdog of a streamed create (seeds 96, 166, 269)', () => {
  it('does not count the SDK waiting out a 429 before the stream opened as a stall', async () => {
    const { b, tab } = await openTab();
    const created = tab.create({ assistant_id: demoIds.assistants.message }, true);
    // A 429 asking for 400 ms: the SDK waits, then retries and would get the stream.
    await faultOnce(b, { rules: [{ kind: 'rate-limit', route: 'POST /threads/*/runs', retryAfterMs: 400 }] }, created);
    // Today: rejects after stallAfterMs (150 ms here) with "The event stream stalled: no event for 0 s.
    // The run is polled instead." though no stream was open (and no run id is known to poll).
    await expect(created).resolves.toMatchObject({ status: 'queued' });
  });
});

describe('a runs-list page older than the run it shows (seeds 606, 2517: a race there, deterministic here)', () => {
  it('does not leave the row behind once the run has ended', async () => {
    const { b, tab } = await openTab();
    const run = await tab.create({ assistant_id: demoIds.assistants.message }, false);
    tab.watch(run.id);
    // The tab comes back into view: the list refetches. Its page is read now (queued) and reaches the
    // client 3 s later, after polling has seen the run complete.
    b.emulator.faults.set({ rules: [{ kind: 'latency', route: 'GET /threads/*/runs', ms: 3_000, when: 'after' }] });
    focusManager.setFocused(false);
    focusManager.setFocused(true);
    await settle(() => b.emulator.faults.log.length > 0, 'the list refetch');
    b.emulator.faults.set(null);
    await advanceUntil(b.clock, () => tab.viewedRun()?.status === 'completed', 'the run view to show completed');
    await advanceUntil(b.clock, () => !tab.listResult().isFetching, 'the late page to land');
    for (let i = 0; i < 30; i += 1) {
      b.clock.advance(100);
      await tick(5);
    }
    expect(tab.viewedRun()?.status).toBe('completed');
    // Today: the late page put the row back to `queued`; useRuns's row query is the run's own query,
    // terminal, so it never polls again, and nothing rewrites the row.
    expect(tab.listedRun(run.id)?.status).toBe('completed');
  });
});
