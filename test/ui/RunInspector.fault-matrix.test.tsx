import { focusManager } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { backends, demoOn, type BackendName } from '../react/harness';
import {
  advanceUntil,
  expectSettled,
  faultRoutes,
  guardEachTest,
  injected,
  quietFor,
  recordStates,
  renderInOwnTab,
  seedFiringOnce,
  showPolledRun,
  staleNotice,
  startFromForm,
  statusText,
} from './fault-matrix-support';
import { advance, headerStatus, renderInspector, runPanel, setup, type Harness } from './inspector-harness';

// The rest of the fault matrix (RunInspector.faults.test.tsx has outage, schema, offline, two tabs),
// as a person meets it: the emulator's faults over real HTTP, through the official SDK. Each row
// checks what shows while the fault lasts, recovery with no reload, and (guardEachTest) no console
// error and no unhandled rejection; expectSettled checks nothing is left busy or alarming.

/** The seeded in-progress run (the `slow` scenario: in_progress for two minutes), on screen. */
async function showInProgressRun(h: Harness) {
  const { threads, runs } = demoOn(h.backend);
  const { user } = renderInspector(h, { threadId: threads.inProgress });
  const panel = await runPanel(runs.inProgress);
  expect(await headerStatus(panel)).toHaveTextContent('In progress');
  return { panel, user, runId: runs.inProgress };
}

/**
 * Waits until every reader of the run has given up on a broken answer, three looks each, and
 * returns how many looks that took. On Assistants only the run's poll reads the faulted route; on
 * Responses its steps and message read the same response, so each of them looks three times too.
 */
async function lookedThreeTimesEach(h: Harness, kind: 'truncate' | 'malformed', backend: BackendName): Promise<number> {
  if (backend === 'assistants') {
    await waitFor(() => expect(injected(h, kind)).toHaveLength(3));
    return 3;
  }
  let looks = -1;
  for (let i = 0; i < 20 && looks !== injected(h, kind).length; i++) {
    looks = injected(h, kind).length;
    await quietFor(150);
  }
  expect(looks).toBeGreaterThanOrEqual(3);
  expect(looks).toBeLessThanOrEqual(9); // run, steps, message
  return looks;
}

/** A run started from the form, streamed live, whose stream the emulator cuts after two events; the stream labels recorded from the start. */
async function startCutStream(h: Harness, createRunPost: string) {
  const { user } = renderInspector(h, { threadId: await h.createThread() });
  h.emulator.faults.set({ rules: [{ kind: 'sse-cut', afterEvents: 2, route: createRunPost }] });
  const streamLabels = recordStates(streamLabel);
  const { panel, runId } = await startFromForm(user, 'Concise helper');
  expect(await within(panel).findByText('Live')).toBeInTheDocument();
  return { panel, runId, streamLabels };
}

/** The stale notice's text, found as the person reads it, inside its status region. */
async function findNotice(panel: HTMLElement, text: RegExp) {
  const notice = await within(panel).findByText(text);
  expect(notice.closest('[role="status"]')).not.toBeNull();
  return notice;
}

/** The header's word on the run's stream: "Live", "Stream broken; polling", "Stream stalled; polling", or ''. */
const streamLabel = () => (screen.queryByText('Live') ?? screen.queryByText(/^Stream \w+; polling$/))?.textContent ?? '';

const isTerminalLabel = (label: string) => ['Completed', 'Cancelled', 'Failed', 'Expired', 'Incomplete'].includes(label);

// Each row takes 0.5–2.5 s alone; the bound leaves room for a loaded machine.
describe.each(backends)('RunInspector fault matrix (%s)', { timeout: 10_000 }, (backend: BackendName) => {
  guardEachTest();
  const { getRun, createRunPost } = faultRoutes[backend];

  it('latency: while a poll is held 2 s of emulator time the last data stays, with no error; then the run catches up', async () => {
    const h = await setup({ backend });
    const { panel } = await showPolledRun(h);
    expect(statusText(panel)).toBe('Queued');
    h.emulator.faults.set({ rules: [{ kind: 'latency', ms: 2_000, route: getRun }] });
    await waitFor(() => expect(injected(h, 'latency').length).toBeGreaterThan(0)); // a poll is being held

    await advance(h, 1_000); // on the server the run is in progress now; the held poll has not answered
    await quietFor(150);
    expect(statusText(panel)).toBe('Queued');
    expect(staleNotice(panel)).toBeNull();
    expect(within(panel).queryAllByRole('alert')).toEqual([]);

    h.emulator.faults.set(null);
    await advance(h, 1_000); // the held poll answers at 2 s, when the run has completed
    await waitFor(() => expect(statusText(panel)).toBe('Completed'));
    await expectSettled(panel);
  });

  it('a burst of three 503s: "Reconnecting…" over the last data, then gone by itself', async () => {
    const h = await setup({ backend });
    const { panel } = await showInProgressRun(h);
    const rate = 0.1;
    const seed = seedFiringOnce(rate, 3); // the first poll starts a burst; none after it fires
    h.emulator.faults.set({ seed, rules: [{ kind: 'server-error', status: 503, burst: 3, rate, route: getRun }] });

    await findNotice(panel, /^Reconnecting… Last updated (just now|\d+ s ago)\.$/);
    expect(statusText(panel)).toBe('In progress');
    await expectSettled(panel); // no faults.set(null): the burst ended and the next poll healed it
    expect(injected(h, 'server-error')).toHaveLength(3);
    expect(statusText(panel)).toBe('In progress');
  });

  it("a 429 with retry-after: \"Reconnecting…\", polls wait out the server's retry-after, then recovery", async () => {
    const h = await setup({ backend });
    const { panel, runId } = await showInProgressRun(h);
    h.emulator.faults.set({ rules: [{ kind: 'rate-limit', retryAfterMs: 400, route: getRun }] });

    await findNotice(panel, /^Reconnecting… Last updated/);
    expect(injected(h, 'rate-limit').length).toBeGreaterThan(0);
    const mark = h.mark();
    await quietFor(300);
    expect(h.runPolls(runId, mark)).toBeLessThanOrEqual(1); // not every 40 ms: the server asked for 400 ms
    expect(statusText(panel)).toBe('In progress');

    h.emulator.faults.set(null);
    await expectSettled(panel);
  });

  it.each(['body', 'headers'] as const)('a connection reset at the %s: "Reconnecting…", then recovery', async (at) => {
    const h = await setup({ backend });
    const { panel } = await showInProgressRun(h);
    h.emulator.faults.set({ rules: [{ kind: 'reset', at, route: getRun }] });

    await findNotice(panel, /^Reconnecting… Last updated/);
    expect(statusText(panel)).toBe('In progress');
    expect(within(panel).queryAllByRole('alert')).toEqual([]);
    expect(injected(h, 'reset').length).toBeGreaterThan(0);

    h.emulator.faults.set(null);
    await expectSettled(panel);
  });

  it.each(['truncate', 'malformed'] as const)(
    'a %s JSON answer: "Could not refresh: The server sent an answer runlens cannot read…" (no JSON dump); Retry now heals it',
    async (kind) => {
      const h = await setup({ backend });
      const { panel, user } = await showInProgressRun(h);
      h.emulator.faults.set({ rules: [{ kind, route: getRun }] });

      const notice = await findNotice(panel, /^Could not refresh: The server sent an answer runlens cannot read/);
      expect(notice.textContent).not.toMatch(/[{}[\]"]|thread_id|created_at/);
      expect(statusText(panel)).toBe('In progress');
      // Looked at three times, then left to the person: once the fault is gone nothing heals by itself.
      const looks = await lookedThreeTimesEach(h, kind, backend);
      h.emulator.faults.set(null);
      await quietFor(150);
      expect(injected(h, kind)).toHaveLength(looks);
      expect(staleNotice(panel)).not.toBeNull();

      await user.click(within(panel).getByRole('button', { name: 'Retry now' }));
      await expectSettled(panel);
      expect(statusText(panel)).toBe('In progress');
    },
  );

  it('a slow body: the run keeps moving on screen while answers trickle in, with no error', async () => {
    const h = await setup({ backend });
    const { panel } = await showPolledRun(h);
    h.emulator.faults.set({ rules: [{ kind: 'slow-body', chunkBytes: 256, intervalMs: 100, route: getRun }] });

    const seen: string[] = [];
    let noticeShown = false;
    await advanceUntil(h, () => {
      seen.push(statusText(panel));
      noticeShown ||= staleNotice(panel) !== null;
      return statusText(panel) === 'Completed';
    });
    expect(new Set(seen)).toEqual(new Set(['Queued', 'In progress', 'Completed']));
    expect(noticeShown).toBe(false);
    expect(injected(h, 'slow-body').length).toBeGreaterThan(1);

    h.emulator.faults.set(null);
    await expectSettled(panel);
  });

  if (backend === 'assistants') {
    it('an event stream cut mid-event: "Stream broken; polling", then the run reaches Completed by polling', async () => {
      const h = await setup({ backend });
      const { panel, runId, streamLabels } = await startCutStream(h, createRunPost);

      await advance(h, 600); // in_progress is due: half of it arrives, then the connection drops
      expect(await within(panel).findByText('Stream broken; polling')).toBeInTheDocument();
      expect(within(panel).queryByText('Live')).toBeNull();
      expect(injected(h, 'sse-cut')).toHaveLength(1);

      const mark = h.mark();
      h.emulator.faults.set(null);
      await advanceUntil(h, () => statusText(panel) === 'Completed');
      streamLabels.stop();
      expect(streamLabels.seen.filter(Boolean)).toEqual(['Live', 'Stream broken; polling']); // gone once the run ended
      expect(h.runPolls(runId, mark)).toBeGreaterThan(0);
      expect(within(panel).getByRole('list', { name: 'Run steps' })).toHaveTextContent(/short answer/);
      await expectSettled(panel);
    });
  } else {
    it('an event stream cut mid-event: picked up where it stopped (starting_after), "Live" throughout, no polling', async () => {
      const h = await setup({ backend });
      const { panel, runId, streamLabels } = await startCutStream(h, createRunPost);
      const mark = h.mark();

      await advance(h, 600); // in_progress is due: half of it arrives, then the connection drops
      await waitFor(() => expect(injected(h, 'sse-cut')).toHaveLength(1));
      h.emulator.faults.set(null);
      await advanceUntil(h, () => statusText(panel) === 'Completed');
      streamLabels.stop();
      expect(streamLabels.seen.filter(Boolean)).toEqual(['Live']); // never "broken": the resumed stream carried on
      const resumed = h.emulator.requests.slice(mark).filter((r) => r.method === 'GET' && r.path.endsWith(`/responses/${runId}`) && r.search.includes('starting_after='));
      expect(resumed).toHaveLength(1);
      expect(h.runPolls(runId, mark)).toBe(0);
      expect(within(panel).getByRole('list', { name: 'Run steps' })).toHaveTextContent(/short answer/);
      await expectSettled(panel);
    });
  }

  it('an event stream that stalls: "Live", then "Stream stalled; polling" (watchdog 200 ms), then Completed', async () => {
    const h = await setup({ backend });
    h.emulator.faults.set({ rules: [{ kind: 'sse-stall', afterEvents: 2, route: createRunPost }] });
    const { user } = renderInOwnTab(h, { streamStallMs: 200 }, await h.createThread());
    // "Live" lasts only until the 200 ms watchdog fires: recorded as the DOM changes, not looked up.
    const streamLabels = recordStates(streamLabel);
    const { panel } = await startFromForm(user, 'Concise helper');
    await advance(h, 600); // in_progress is due, but the stalled stream sends nothing more
    expect(await within(panel).findByText('Stream stalled; polling')).toBeInTheDocument();
    expect(streamLabels.seen.filter(Boolean)).toEqual(['Live', 'Stream stalled; polling']);
    expect(injected(h, 'sse-stall')).toHaveLength(1);
    await waitFor(() => expect(h.emulator.faults.openStalls).toBe(0)); // the watchdog let go of the connection

    h.emulator.faults.set(null);
    await advanceUntil(h, () => statusText(panel) === 'Completed');
    streamLabels.stop();
    expect(streamLabels.seen.filter(Boolean)).toEqual(['Live', 'Stream stalled; polling']);
    await expectSettled(panel);
  });

  it('a hidden tab does not poll; shown again, it refetches at once and the header catches up', async () => {
    const h = await setup({ backend });
    const { panel, runId } = await showPolledRun(h);
    expect(statusText(panel)).toBe('Queued');
    act(() => focusManager.setFocused(false));
    await quietFor(100); // a poll already in flight lands
    const mark = h.mark();

    for (let i = 0; i < 4; i++) await advance(h, 500); // on the server the run completes meanwhile
    await quietFor(150);
    expect(h.runPolls(runId, mark)).toBe(0);
    expect(statusText(panel)).toBe('Queued');

    act(() => focusManager.setFocused(true));
    await waitFor(() => expect(statusText(panel)).toBe('Completed'));
    expect(h.runPolls(runId, mark)).toBeGreaterThan(0);
    await expectSettled(panel);
  });

  it.each([
    ['lands before the run completes', 400, 'cancelled'],
    ['lands just after the run completed, before this tab saw it', 600, 'completed'],
  ])('a cancel racing completion (%s): the header ends where the server says, no error stays', async (_, leadMs, serverSays) => {
    const h = await setup({ backend });
    const { panel, threadId, runId } = await showPolledRun(h);
    await advance(h, 1_000); // the message run completes at 1.5 s
    await waitFor(() => expect(statusText(panel)).toBe('In progress'));

    // The race: time moves and the click follows in the same tick, before any poll can show it.
    const cancel = within(panel).getByRole('button', { name: 'Cancel run' });
    act(() => {
      h.clock.advance(leadMs);
      fireEvent.click(cancel);
    });
    // Time stands still until the cancel has reached the server, so the race is decided by leadMs alone.
    await waitFor(() => expect(h.emulator.requests.some((r) => r.method === 'POST' && r.path.endsWith(backend === 'assistants' ? `/runs/${runId}/cancel` : `/responses/${runId}/cancel`))).toBe(true));
    await advanceUntil(h, () => isTerminalLabel(statusText(panel)));

    const { run } = await h.client.getRun(threadId, runId);
    expect(run.status).toBe(serverSays);
    expect(statusText(panel)).toBe(run.status === 'cancelled' ? 'Cancelled' : 'Completed');
    expect(within(panel).queryByRole('button', { name: 'Cancel run' })).toBeNull();
    await expectSettled(panel);
  });

  // Responses have no deadline (capabilities.deadlines): nothing to race.
  if (backend === 'assistants') {
    it('a submit racing expiry: "The run is expired now", the form goes, the header shows Expired', async () => {
      const h = await setup({ backend });
      // This tab looks at a waiting run slowly, so it has not noticed the expiry when the person submits.
      const { user } = renderInOwnTab(h, { requiresActionIntervalMs: 60_000 }, demoOn(backend).threads.requiresAction);
      const panel = await runPanel(demoOn(backend).runs.requiresAction);
      for (const box of await within(panel).findAllByRole('textbox', { name: /^Output for / })) await user.type(box, 'sunny');
      expect(statusText(panel)).toBe('Needs tool outputs');

      act(() => h.clock.advance(600_000)); // past expires_at (the seeded run was created 30 s before now)
      await user.click(within(panel).getByRole('button', { name: 'Submit tool outputs' }));

      const outcome = await within(panel).findByText(/expired now/);
      expect(outcome).toHaveAttribute('role', 'status');
      expect(within(panel).queryByRole('button', { name: 'Submit tool outputs' })).toBeNull();
      expect(statusText(panel)).toBe('Expired');
      await expectSettled(panel);
    });
  }
});
