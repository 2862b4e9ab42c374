import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runlensKeys } from '../../src/query/keys';
import { RunsProvider } from '../../src/react/RunsProvider';
import { RunInspector } from '../../src/ui';
import { backends, demoOn } from '../react/harness';
import { headerStatus, renderInspector, runPanel, setup } from './inspector-harness';

// The fault matrix, as a person meets it in RunInspector: the emulator's faults over real HTTP,
// through the official SDK. Each row: what shows while the fault lasts, and recovery without reload.

let consoleErrors: unknown[][] = [];
beforeEach(() => {
  consoleErrors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void consoleErrors.push(args));
});
afterEach(() => {
  vi.restoreAllMocks();
  onlineManager.setOnline(true);
  expect(consoleErrors).toEqual([]);
});

const staleNotice = (panel: HTMLElement) => within(panel).findByText(/Last updated/);

describe.each(backends)('RunInspector under faults (%s)', (backend) => {
  const { threads, runs } = demoOn(backend);
  /** The route a run's poll takes. */
  const getRun = backend === 'assistants' ? 'GET /threads/*/runs/*' : 'GET /responses/*';

  it('an outage after the run loaded: "Reconnecting… Last updated …" over the last data, then recovery by itself', async () => {
    const h = await setup({ backend });
    renderInspector(h, { threadId: threads.inProgress });
    const panel = await runPanel(runs.inProgress);
    expect(await headerStatus(panel)).toHaveTextContent('In progress');
    await within(panel).findByRole('heading', { name: 'Waterfall' }); // the steps are on screen too
    const messages = () => h.queryClient.getQueryCache().findAll({ queryKey: [...runlensKeys.thread(threads.inProgress), 'message'] });
    await waitFor(() => expect(messages().length > 0 && messages().every((query) => query.state.data)).toBe(true));
    h.emulator.faults.set('outage');
    const notice = await staleNotice(panel);
    expect(notice).toHaveTextContent(/^Reconnecting… Last updated (just now|\d+ s ago)\.$/);
    expect(within(panel).getByRole('button', { name: 'Retry now' })).toBeEnabled();
    expect(await headerStatus(panel)).toHaveTextContent('In progress');
    expect(within(panel).queryAllByRole('alert').map((a) => a.textContent)).toEqual([]);

    h.emulator.faults.set(null);
    await waitFor(() => expect(within(panel).queryByText(/Last updated/)).toBeNull());
  });

  it('an answer that breaks the schema: a sentence with the path, never the payload dump; Retry now heals it', async () => {
    const h = await setup({ backend });
    const { user } = renderInspector(h, { threadId: threads.inProgress });
    const panel = await runPanel(runs.inProgress);
    await headerStatus(panel);
    h.emulator.faults.set({ rules: [{ kind: 'schema', route: getRun }] });
    const notice = await within(panel).findByText(/^Could not refresh: The server sent an answer runlens cannot read \(at status\)/);
    expect(notice.textContent).not.toMatch(/Invalid option|expected one of|got \d/);
    h.emulator.faults.set(null);
    await user.click(within(panel).getByRole('button', { name: 'Retry now' }));
    await waitFor(() => expect(within(panel).queryByText(/Last updated/)).toBeNull());
  });

  it('offline, then online: "Offline: waiting for the network", then fresh data with no reload', async () => {
    const h = await setup({ backend });
    renderInspector(h, { threadId: threads.inProgress });
    const panel = await runPanel(runs.inProgress);
    await headerStatus(panel);
    onlineManager.setOnline(false);
    expect(await staleNotice(panel)).toHaveTextContent(/^Offline: waiting for the network\. Last updated/);
    onlineManager.setOnline(true);
    await waitFor(() => expect(within(panel).queryByText(/Last updated/)).toBeNull());
  });

  it('two tabs answer the same run: the second gets "Already answered", not a raw 400, and sees the run move on', async () => {
    const h = await setup({ backend });
    // The second tab polls a waiting run slowly, so its form is still up when the first tab answers.
    const secondTab = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={secondTab}>
        <RunsProvider client={h.client} polling={{ ...h.polling, requiresActionIntervalMs: 60_000 }}>
          {children}
        </RunsProvider>
      </QueryClientProvider>
    );
    const user = userEvent.setup();
    render(<RunInspector threadId={threads.requiresAction} />, { wrapper });
    const panel = await runPanel(runs.requiresAction);
    const boxes = await within(panel).findAllByRole('textbox', { name: /^Output for / });

    const waiting = await h.client.getRun(threads.requiresAction, runs.requiresAction);
    const calls = waiting.run.required_action!.submit_tool_outputs.tool_calls;
    await h.client.submitToolOutputs(threads.requiresAction, runs.requiresAction, {
      tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: 'from the first tab' })),
    });

    for (const box of boxes) await user.type(box, 'from the second tab');
    await user.click(within(panel).getByRole('button', { name: 'Submit tool outputs' }));
    const outcome = await within(panel).findByText(/^Already answered/);
    expect(outcome).toHaveAttribute('role', 'status');
    expect(within(panel).queryByRole('button', { name: 'Submit tool outputs' })).toBeNull();
    expect(await headerStatus(panel)).not.toHaveTextContent('Needs tool outputs');
    secondTab.clear();
  }, 20_000);
});
