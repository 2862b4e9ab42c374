import { focusManager, onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { createRandom } from '../../src/emulator/faults/random';
import type { FaultKind } from '../../src/emulator/faults/types';
import type { PollingTuning } from '../../src/query/polling';
import { RunsProvider } from '../../src/react/RunsProvider';
import { RunInspector } from '../../src/ui';
import { advance, assistants, headerStatus, pickerAssistants, renderInspector, runPanel, sleep, type Harness } from './inspector-harness';

// What every row of the fault matrix shares: the checks that nothing went wrong behind the
// person's back, a second "tab" with its own polling, and ways to move emulator time.

/** Fault routes on each backend: the run's own GET, where most rows put their fault, and the POST that creates a run (and, with `stream: true`, opens its event stream). */
export const faultRoutes = {
  assistants: { getRun: 'GET /threads/*/runs/*', createRunPost: 'POST /threads/*/runs' },
  responses: { getRun: 'GET /responses/*', createRunPost: 'POST /responses' },
} as const;

/**
 * Fails the test on a console.error or an unhandled rejection, and puts focus, network and the
 * extra query clients back after each test.
 */
export function guardEachTest() {
  let consoleErrors: unknown[][] = [];
  let rejections: unknown[] = [];
  const onRejection = (reason: unknown) => void rejections.push(reason);
  beforeEach(() => {
    consoleErrors = [];
    rejections = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleErrors.push(args));
    process.on('unhandledRejection', onRejection);
  });
  afterEach(() => {
    cleanup(); // unmount before the extra clients are cleared
    vi.restoreAllMocks();
    process.off('unhandledRejection', onRejection);
    focusManager.setFocused(undefined);
    onlineManager.setOnline(true);
    for (const queryClient of ownClients.splice(0)) queryClient.clear();
    expect(consoleErrors).toEqual([]);
    expect(rejections).toEqual([]);
  });
}

const ownClients: QueryClient[] = [];

/**
 * The inspector in a tab of its own (its own QueryClient) with polling tuned beyond the harness's,
 * on the same backend: e.g. a stream watchdog of 200 ms, or a slow look at a waiting run.
 */
export function renderInOwnTab(h: Harness, polling: Partial<PollingTuning>, threadId: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  ownClients.push(queryClient);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={h.client} polling={{ ...h.polling, ...polling }}>
        {children}
      </RunsProvider>
    </QueryClientProvider>
  );
  const user = userEvent.setup();
  render(<RunInspector threadId={threadId} assistants={pickerAssistants} />, { wrapper });
  return { user, queryClient };
}

/** A run created outside the inspector (so it is polled, not streamed), shown in it. */
export async function showPolledRun(h: Harness, assistantId: string = assistants.message) {
  const threadId = await h.createThread();
  const { id: runId } = await h.client.createRun(threadId, { assistant_id: assistantId });
  const { user } = renderInspector(h, { threadId });
  const panel = await runPanel(runId);
  await headerStatus(panel);
  return { threadId, runId, panel, user };
}

/** Picks an assistant in the new-run form and starts a run (streamed: the inspector's default). */
export async function startFromForm(user: ReturnType<typeof userEvent.setup>, assistantName: string) {
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Assistant' }), assistantName);
  await user.click(screen.getByRole('button', { name: 'Start run' }));
  const panel = await runPanel(/^Run (run|resp)_/);
  return { panel, runId: panel.getAttribute('aria-label')!.replace('Run ', '') };
}

/** Moves emulator time in steps until `done()` (bounded), letting polls come back between steps. */
export async function advanceUntil(h: Harness, done: () => boolean, stepMs = 100, maxSteps = 100) {
  for (let i = 0; i < maxSteps && !done(); i++) await advance(h, stepMs);
  expect(done()).toBe(true);
}

/** A short bounded wait, for rows whose point is that nothing happens meanwhile. */
export const quietFor = (ms: number) => act(() => sleep(ms));

/** The header badge's text (the panel's first status). */
export const statusText = (panel: HTMLElement) => within(panel).queryAllByRole('status')[0]?.textContent ?? '';

/** The stale notice ("… Last updated … ago.") in the run panel, if shown. */
export const staleNotice = (panel: HTMLElement) => within(panel).queryByText(/Last updated/);

/** Recovered: no stale notice, no alert and nothing busy left in the panel. */
export async function expectSettled(panel: HTMLElement) {
  await waitFor(() => {
    expect(staleNotice(panel)).toBeNull();
    expect(within(panel).queryAllByRole('alert').map((alert) => alert.textContent)).toEqual([]);
    expect(panel.querySelectorAll('[aria-busy="true"]')).toHaveLength(0);
  });
}

/**
 * Records each distinct value of `read()` as the DOM changes (a MutationObserver), so a state that
 * lasts only a moment (a stream's "Live" before a 200 ms watchdog) is seen however slow the queries are.
 */
export function recordStates(read: () => string) {
  const seen: string[] = [];
  const look = () => {
    const value = read();
    if (value !== seen.at(-1)) seen.push(value);
  };
  const observer = new MutationObserver(look);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  look();
  return { seen, stop: () => observer.disconnect() };
}

/** Faults the emulator injected, of one kind. */
export const injected = (h: Harness, kind: FaultKind) => h.emulator.faults.log.filter((entry) => entry.kind === kind);

/**
 * A fault seed for `rate` whose first draw fires and the `quiet` draws after its burst do not: a
 * burst rule with it fails the first request and the `burst - 1` after it, then lets requests through.
 */
export function seedFiringOnce(rate: number, burst: number, quiet = 50): number {
  for (let seed = 1; seed < 100_000; seed++) {
    const draw = createRandom(seed);
    if (draw() >= rate) continue;
    // Every request draws, also inside the burst; those draws do not matter.
    const afterBurst = Array.from({ length: burst - 1 + quiet }, draw).slice(burst - 1);
    if (afterBurst.every((value) => value >= rate)) return seed;
  }
  throw new Error(`no seed fires only once at rate ${rate}`);
}
