import { environmentManager, focusManager } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../src/api/schemas';
import { demoIds, type FaultProfile } from '../../src/emulator';
import { startTestBackend } from '../support/emulator';
import { advanceUntil, settle, tick } from '../support/streaming-backend';
import { RunsApiError } from '../../src/api/errors';
import { createTabSdk, waitFor } from './backend';
import { ChaosTab, chaosPolling } from './tab';

// The chaos runs' failures, each cut down to one scenario, one fault and one action, on a manual
// clock (nothing moves unless the test moves it). Each test states what should happen. The seeds in
// the titles are where the chaos test found them; the first three were fixed in 703e3c2 and stay as
// regression tests; the silent streams are what that fix's watchdog change broke.

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
    // The bug: the create rejected (connection error, unreadable answer, or ActiveRunError naming this
    // very run), nothing wrote the run anywhere, and the list (not polled) never showed it.
    expect(tab.listedRun(made!.id)?.status).toBe('completed');
  });
});

describe('the stream watchdog of a streamed create (seeds 96, 166, 269)', () => {
  it('does not count the SDK waiting out a 429 before the stream opened as a stall', async () => {
    const { b, tab } = await openTab();
    const created = tab.create({ assistant_id: demoIds.assistants.message }, true);
    // A 429 asking for 400 ms: the SDK waits, then retries and would get the stream.
    await faultOnce(b, { rules: [{ kind: 'rate-limit', route: 'POST /threads/*/runs', retryAfterMs: 400 }] }, created);
    // The bug: it rejected after stallAfterMs (150 ms here) with "The event stream stalled: no event for
    // 0 s. The run is polled instead." though no stream was open (and no run id was known to poll).
    await expect(created).resolves.toMatchObject({ status: 'queued' });
  });
});

describe('a streamed create whose stream opens and then says nothing (seed 452)', () => {
  it('is given up on after stallAfterMs, and the run it made shows in the runs list', async () => {
    const { b, threadId, tab } = await openTab();
    b.emulator.faults.set({ rules: [{ kind: 'sse-stall', route: 'POST /threads/*/runs', afterEvents: 0 }] });
    let outcome = 'pending';
    const created = tab.create({ assistant_id: demoIds.assistants.message }, true).then(
      () => (outcome = 'resolved'),
      (error: unknown) => (outcome = RunsApiError.is(error) ? (error.code ?? 'rejected') : 'rejected'),
    );
    await settle(() => b.emulator.faults.openStalls > 0, 'the stalled stream');
    b.emulator.faults.set(null);
    // Since 703e3c2 the watchdog is armed at the first event, so a stream that never sends one is
    // never given up on: the create stays pending (a spinner for ever) and its run is shown nowhere.
    await waitFor(() => outcome !== 'pending', 2_000);
    expect(outcome).toBe('stream_stalled');
    await created;
    const [made] = await serverRuns(b, threadId);
    await advanceUntil(b.clock, () => tab.listedRun(made!.id)?.status === 'completed', 'the run to show completed in the list', 100, 60).catch(() => undefined);
    expect(tab.listedRun(made!.id)?.status).toBe('completed');
    expect(b.emulator.faults.openStalls).toBe(0);
  });
});

describe('a streamed submit whose stream opens and then says nothing (seeds 124, 714, 746)', () => {
  it('is given up on after stallAfterMs, and the run polls to its end', async () => {
    const { b, tab } = await openTab();
    const run = await tab.create({ assistant_id: demoIds.assistants.function_call }, false);
    tab.watch(run.id);
    await advanceUntil(b.clock, () => tab.viewedRun()?.status === 'requires_action', 'the run to wait for outputs');
    b.emulator.faults.set({ rules: [{ kind: 'sse-stall', route: 'POST /threads/*/runs/*/submit_tool_outputs', afterEvents: 0 }] });
    const outputs = (tab.viewedRun()?.required_action?.submit_tool_outputs.tool_calls ?? []).map((call) => ({ tool_call_id: call.id, output: '21' }));
    let outcome = 'pending';
    void tab.submit(run.id, outputs, true).then(
      () => (outcome = 'resolved'),
      () => (outcome = 'rejected'),
    );
    await settle(() => b.emulator.faults.openStalls > 0, 'the stalled stream');
    b.emulator.faults.set(null);
    // Since 703e3c2 nothing gives the silent stream up: the submit stays pending (its outputs did land),
    // the open stream keeps the run's queries from polling, and the view shows requires_action for ever.
    await waitFor(() => outcome !== 'pending', 2_000);
    expect(outcome).toBe('resolved');
    await advanceUntil(b.clock, () => tab.viewedRun()?.status === 'completed', 'the run to show completed', 100, 60).catch(() => undefined);
    expect(tab.viewedRun()?.status).toBe('completed');
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
    // The bug: the late page put the row back to `queued`; useRuns's row query is the run's own query,
    // terminal, so it never polled again, and nothing rewrote the row.
    expect(tab.listedRun(run.id)?.status).toBe('completed');
  });
});
