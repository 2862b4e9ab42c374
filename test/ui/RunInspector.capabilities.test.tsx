import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RunsCapabilities, RunsClient } from '../../src/core';
import { demoIds } from '../../src/emulator';
import { headerStatus, renderInspector, runPanel, setup } from './inspector-harness';

// A backend that can do less than the Assistants API (the Responses API can't edit a response's
// metadata, and its runs have no deadline): the inspector says why instead of offering the action.
const limited: Partial<RunsCapabilities> = {
  updateMetadata: { unsupported: 'This backend can’t change metadata after a run starts.' },
  cancel: { unsupported: 'This backend can’t cancel runs.' },
  deadlines: { unsupported: 'No deadline: this run waits for its tool outputs.' },
  listBothWays: { unsupported: 'This backend lists runs newest first only.' },
};
const withCapabilities = (capabilities: Partial<RunsCapabilities>) => (client: RunsClient): RunsClient => ({ ...client, capabilities });

const listRequests = (h: Awaited<ReturnType<typeof setup>>, threadId: string) =>
  h.emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/threads/${threadId}/runs`));

describe('RunInspector: what the backend can and can’t do', () => {
  it('shows metadata read-only with the reason, and no cancel button but the reason, on a live run', async () => {
    const h = await setup({ wrapClient: withCapabilities(limited) });
    renderInspector(h, { threadId: demoIds.threads.inProgress });
    const panel = await runPanel(demoIds.runs.inProgress);
    expect(await headerStatus(panel)).toHaveTextContent('In progress');
    expect(within(panel).getByText('This backend can’t change metadata after a run starts.')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Edit metadata' })).toBeNull();
    expect(within(panel).getByText('This backend can’t cancel runs.')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Cancel run' })).toBeNull();
  });

  it('the same run on a full backend offers both actions', async () => {
    const h = await setup();
    renderInspector(h, { threadId: demoIds.threads.inProgress });
    const panel = await runPanel(demoIds.runs.inProgress);
    expect(await within(panel).findByRole('button', { name: 'Edit metadata' })).toBeEnabled();
    expect(within(panel).getByRole('button', { name: 'Cancel run' })).toBeEnabled();
  });

  it('says a waiting run has no deadline instead of counting one down', async () => {
    const h = await setup({ wrapClient: withCapabilities(limited) });
    renderInspector(h, { threadId: demoIds.threads.requiresAction });
    const panel = await runPanel(demoIds.runs.requiresAction);
    expect(await headerStatus(panel)).toHaveTextContent('Needs tool outputs');
    expect(within(panel).getByText('No deadline: this run waits for its tool outputs.')).toBeInTheDocument();
    expect(within(panel).queryByRole('timer')).toBeNull();
  });

  it('looks for newer runs by refetching the list when the backend has no `before` cursor', async () => {
    const h = await setup({ wrapClient: withCapabilities(limited) });
    const { user } = renderInspector(h, { threadId: demoIds.threads.statuses });
    await screen.findByRole('listbox', { name: 'Runs' });
    const before = listRequests(h, demoIds.threads.statuses).length;
    await user.click(screen.getByRole('button', { name: 'Check for newer runs' }));
    await waitFor(() => expect(listRequests(h, demoIds.threads.statuses).length).toBeGreaterThan(before));
    expect(listRequests(h, demoIds.threads.statuses).map((r) => r.search)).not.toContainEqual(expect.stringContaining('before='));
  });

  it('pages newer runs in with `before` on a backend that has it', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.statuses });
    await screen.findByRole('listbox', { name: 'Runs' });
    await user.click(screen.getByRole('button', { name: 'Load newer runs' }));
    await waitFor(() => expect(listRequests(h, demoIds.threads.statuses).map((r) => r.search)).toContainEqual(expect.stringContaining('before=')));
  });
});
