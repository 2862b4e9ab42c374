import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { demoIds } from '../../src/emulator';
import { headerStatus, renderInspector, runPanel, setup } from './inspector-harness';

const statusRuns = [
  demoIds.runs.incomplete,
  demoIds.runs.expired,
  demoIds.runs.cancelled,
  demoIds.runs.failed,
  demoIds.runs.completed,
];

describe('RunInspector: browsing a thread', () => {
  it('lists the runs newest first, selects the first, and moves the selection with the keyboard', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.statuses });
    expect(screen.getByText('Loading runs…')).toHaveAttribute('aria-busy', 'true');

    const list = await screen.findByRole('listbox', { name: 'Runs' });
    const options = within(list).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(statusRuns.map((id) => expect.stringContaining(id)));
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await runPanel(demoIds.runs.incomplete);

    // Tab into the listbox: the roving tabindex makes the selected option the one tab stop.
    for (let i = 0; i < 4 && document.activeElement !== options[0]; i++) await user.tab();
    expect(options[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(list).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await runPanel(demoIds.runs.expired);
    await user.keyboard('{End}');
    expect(within(list).getAllByRole('option')[4]).toHaveFocus();
    const panel = await runPanel(demoIds.runs.completed);
    expect(await headerStatus(panel)).toHaveTextContent('Completed');
  });

  it('shows the selected run: header, usage, timeline, and steps with their message text', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.statuses });
    await user.click(await screen.findByRole('option', { name: new RegExp(demoIds.runs.failed) }));
    const failed = await runPanel(demoIds.runs.failed);
    expect(await headerStatus(failed)).toHaveTextContent('Failed');
    // The run's own last error, in its header (the failed step's row may repeat it once steps load).
    expect(failed.querySelector('[data-slot="run-last-error"]')).toHaveTextContent('server_error');

    await user.click(screen.getByRole('option', { name: new RegExp(demoIds.runs.completed) }));
    const panel = await runPanel(demoIds.runs.completed);
    expect(within(panel).getByRole('heading', { name: demoIds.runs.completed })).toBeInTheDocument();
    expect(within(panel).getByText('gpt-4o')).toBeInTheDocument();
    expect(within(panel).getByText('Total tokens', { exact: false })).toBeInTheDocument();
    expect(within(panel).getByText('Duration')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Cancel run' })).toBeNull();

    const steps = await within(panel).findByRole('list', { name: 'Run steps' });
    expect(within(steps).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(await within(steps).findByText(/Here is a short answer/)).toBeInTheDocument();
    // Each completed step shows its own token usage, matching what the backend says for it.
    const [step] = (await h.client.listRunSteps(demoIds.threads.statuses, demoIds.runs.completed)).data;
    const usage = step!.usage!;
    expect(within(steps).getByText(`Tokens: ${usage.prompt_tokens} prompt · ${usage.completion_tokens} completion · ${usage.total_tokens} total`)).toBeInTheDocument();
    const timeline = within(panel).getByRole('list', { name: 'Run timeline' });
    expect(within(timeline).getByRole('listitem', { name: /message_creation step, .* s, completed/ })).toBeInTheDocument();
  });

  it('pages to older runs and picks up newer ones', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.history });
    const list = await screen.findByRole('listbox', { name: 'Runs' });
    expect(within(list).getAllByRole('option')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Load older runs' }));
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(40));
    await user.click(screen.getByRole('button', { name: 'Load older runs' }));
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(48));
    expect(screen.getByRole('button', { name: 'Load older runs' })).toBeDisabled();

    // A run started elsewhere (not through this cache) shows up on "Load newer runs".
    await h.client.createRun(demoIds.threads.history, { assistant_id: demoIds.assistants.message });
    await user.click(screen.getByRole('button', { name: 'Load newer runs' }));
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(49));

    // Nothing newer: the button turns into a refetch, and clicking it again and again adds no rows.
    await user.click(screen.getByRole('button', { name: 'Load newer runs' }));
    const check = await screen.findByRole('button', { name: 'Check for newer runs' });
    for (let i = 0; i < 3; i++) {
      await user.click(check);
      await waitFor(() => expect(check).toBeEnabled());
    }
    expect(within(list).getAllByRole('option')).toHaveLength(49);
    h.clock.advance(10_000); // the first run ends, so the thread takes another
    await h.client.createRun(demoIds.threads.history, { assistant_id: demoIds.assistants.message });
    await user.click(check);
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(50));
    expect(screen.getByRole('button', { name: 'Load newer runs' })).toBeEnabled();
  }, 20_000);

  it('shows the empty state on a thread without runs', async () => {
    const h = await setup();
    const threadId = await h.createThread();
    renderInspector(h, { threadId });
    expect(await screen.findByText('No runs on this thread yet')).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start run' })).toBeEnabled();
  });

  it('shows an alert with Retry for an unknown thread, and Retry asks again', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: 'thread_does_not_exist' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not load runs: .*thread_does_not_exist/);
    const before = h.emulator.requests.filter((r) => r.path.includes('thread_does_not_exist/runs')).length;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() =>
      expect(h.emulator.requests.filter((r) => r.path.includes('thread_does_not_exist/runs')).length).toBe(before + 1),
    );
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });

  it('has no axe violations with a run, its steps and the new-run form on screen', async () => {
    const h = await setup();
    const { container } = renderInspector(h, { threadId: demoIds.threads.requiresAction });
    const panel = await runPanel(demoIds.runs.requiresAction);
    await within(panel).findByRole('list', { name: 'Run steps' });
    await within(panel).findByRole('button', { name: 'Submit tool outputs' });
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
