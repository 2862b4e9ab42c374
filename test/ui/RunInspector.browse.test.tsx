import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { demoIds } from '../../src/emulator';
import { backends, demoOn, type BackendName } from '../react/harness';
import { headerStatus, renderInspector, runPanel, setup } from './inspector-harness';

/** The statuses thread's runs, newest first (the Responses API has no `expired`). */
function statusRunsOn(backend: BackendName): string[] {
  const { runs } = demoOn(backend);
  return [runs.incomplete, runs.expired, runs.cancelled, runs.failed, runs.completed].filter((id): id is string => id !== undefined);
}

describe.each(backends)('RunInspector: browsing a thread (%s)', (backend) => {
  const demo = demoOn(backend);
  const statusRuns = statusRunsOn(backend);

  it('lists the runs newest first, selects the first, and moves the selection with the keyboard', async () => {
    const h = await setup({ backend });
    const { user } = renderInspector(h, { threadId: demo.threads.statuses });
    expect(screen.getByText('Loading runs…')).toHaveAttribute('aria-busy', 'true');

    const list = await screen.findByRole('listbox', { name: 'Runs' });
    const options = within(list).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(statusRuns.map((id) => expect.stringContaining(id)));
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await runPanel(demo.runs.incomplete);

    // Tab into the listbox: the roving tabindex makes the selected option the one tab stop.
    for (let i = 0; i < 4 && document.activeElement !== options[0]; i++) await user.tab();
    expect(options[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(list).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await runPanel(statusRuns[1]!);
    await user.keyboard('{End}');
    expect(within(list).getAllByRole('option').at(-1)).toHaveFocus();
    const panel = await runPanel(demo.runs.completed);
    expect(await headerStatus(panel)).toHaveTextContent('Completed');
  });

  it('shows the selected run: header, usage, timeline, and steps with their message text', async () => {
    const h = await setup({ backend });
    const { user } = renderInspector(h, { threadId: demo.threads.statuses });
    await user.click(await screen.findByRole('option', { name: new RegExp(demo.runs.failed) }));
    const failed = await runPanel(demo.runs.failed);
    expect(await headerStatus(failed)).toHaveTextContent('Failed');
    // The run's own last error, in its header (the failed step's row may repeat it once steps load).
    expect(failed.querySelector('[data-slot="run-last-error"]')).toHaveTextContent('server_error');

    await user.click(screen.getByRole('option', { name: new RegExp(demo.runs.completed) }));
    const panel = await runPanel(demo.runs.completed);
    expect(within(panel).getByRole('heading', { name: demo.runs.completed })).toBeInTheDocument();
    expect(within(panel).getByText('gpt-4o')).toBeInTheDocument();
    expect(within(panel).getByText('Total tokens', { exact: false })).toBeInTheDocument();
    expect(within(panel).getByText('Duration')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Cancel run' })).toBeNull();

    const steps = await within(panel).findByRole('list', { name: 'Run steps' });
    expect(within(steps).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(await within(steps).findByText(/Here is a short answer/)).toBeInTheDocument();
    // Each completed step shows its own token usage, matching what the backend says for it.
    const [step] = (await h.client.listRunSteps(demo.threads.statuses, demo.runs.completed)).data;
    if (backend === 'assistants') {
      const usage = step!.usage!;
      expect(within(steps).getByText(`Tokens: ${usage.prompt_tokens} prompt · ${usage.completion_tokens} completion · ${usage.total_tokens} total`)).toBeInTheDocument();
    } else {
      // Responses count tokens per response, not per item: no step claims a share it was not given.
      expect(step!.usage).toBeNull();
      expect(within(steps).queryByText(/^Tokens:/)).toBeNull();
    }
    const timeline = within(panel).getByRole('listbox', { name: 'Run timeline' });
    expect(within(timeline).getByRole('option', { name: /^Message .* s \(completed\)$/ })).toBeInTheDocument();
  });

  it('pages to older runs and picks up newer ones', async () => {
    const h = await setup({ backend });
    const { user } = renderInspector(h, { threadId: demo.threads.history });
    const list = await screen.findByRole('listbox', { name: 'Runs' });
    expect(within(list).getAllByRole('option')).toHaveLength(20);
    await user.click(screen.getByRole('button', { name: 'Load older runs' }));
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(40));
    await user.click(screen.getByRole('button', { name: 'Load older runs' }));
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(48));
    expect(screen.getByRole('button', { name: 'Load older runs' })).toBeDisabled();

    // A run started elsewhere (not through this cache) shows up on "Load newer runs".
    await h.client.createRun(demo.threads.history, { assistant_id: demoIds.assistants.message });
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
    await h.client.createRun(demo.threads.history, { assistant_id: demoIds.assistants.message });
    await user.click(check);
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(50));
    expect(screen.getByRole('button', { name: 'Load newer runs' })).toBeEnabled();
  }, 20_000);

  it('shows the empty state on a thread without runs', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    renderInspector(h, { threadId });
    expect(await screen.findByText('No runs on this thread yet')).toBeInTheDocument();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Start run' })).toBeEnabled();
  });

  it('shows an alert with Retry for an unknown thread, and Retry asks again', async () => {
    const h = await setup({ backend });
    const { user } = renderInspector(h, { threadId: 'thread_does_not_exist' });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Could not load runs: .*thread_does_not_exist/);
    // Assistants lists the thread's runs; Responses, whose index knows no runs there, asks for the conversation.
    const asked = () => h.emulator.requests.filter((r) => r.path.endsWith(backend === 'assistants' ? 'thread_does_not_exist/runs' : 'conversations/thread_does_not_exist')).length;
    const before = asked();
    expect(before).toBeGreaterThan(0);
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(asked()).toBe(before + 1));
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });

  it('has no axe violations with a run, its steps and the new-run form on screen', async () => {
    const h = await setup({ backend });
    const { container } = renderInspector(h, { threadId: demo.threads.requiresAction });
    const panel = await runPanel(demo.runs.requiresAction);
    await within(panel).findByRole('list', { name: 'Run steps' });
    await within(panel).findByRole('button', { name: 'Submit tool outputs' });
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
