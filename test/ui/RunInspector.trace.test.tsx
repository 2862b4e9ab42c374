import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { collectRunBundle } from '../../src/api/bundle';
import { createReplayRunsClient } from '../../src/backends/replay';
import { RunBundleViewer, type RunInspectorSelection } from '../../src/ui';
import { backends } from '../react/harness';
import { advance, assistants, headerStatus, renderInspector, runPanel, setup, type Harness } from './inspector-harness';

// RunInspector as a trace (issue #13), on both backends: the selection as controlled props (deep
// links), search and filters inside a run, the waterfall linked to the steps, the details column,
// and a run exported through the backend, opened read-only with no backend.

/** A bulk run of `steps` tool calls whose `failStep`th, `charge_card`, fails (and the run with it). */
async function failedBulkRun(h: Harness, steps = 300, failStep = 290): Promise<{ threadId: string; runId: string }> {
  const threadId = await h.createThread();
  const run = await h.client.createRun(threadId, {
    assistant_id: assistants.bulk,
    metadata: { 'emulator.steps': String(steps), 'emulator.fail_step': String(failStep) },
  });
  await advance(h, 2_000 + steps * 10);
  return { threadId, runId: run.id };
}

const selectedStep = () => screen.getByRole('complementary', { name: 'Selected step' });
const searchStatus = (panel: HTMLElement) => panel.querySelector('[data-slot="trace-search-status"]');
const failure = 'charge_card failed: the payment service timed out.';

describe.each(backends)('RunInspector as a trace (%s)', (backend) => {
  it('finds the failed call by its tool name across every page, selects it, and shows it highlighted beside the list', async () => {
    const h = await setup({ backend });
    const { threadId, runId } = await failedBulkRun(h);
    const { user } = renderInspector(h, { threadId });
    const panel = await runPanel(runId);
    await waitFor(() => expect(within(panel).getAllByRole('status')[0]).toHaveTextContent('Failed'));
    expect(within(selectedStep()).getByText('Select a step to see its details')).toBeInTheDocument();

    const search = await within(panel).findByRole('searchbox', { name: 'Search steps' });
    await user.click(document.body);
    await user.keyboard('/');
    expect(search).toHaveFocus();
    await user.keyboard('charge_card');
    // Only the first of three pages was loaded: the search reads the rest.
    await waitFor(() => expect(searchStatus(panel)).toHaveTextContent(/^1 match$/), { timeout: 10_000 });
    await user.keyboard('{Enter}');
    expect(searchStatus(panel)).toHaveTextContent('1 of 1 match');
    await waitFor(() => expect(selectedStep()).toHaveTextContent(failure));
    const row = within(within(panel).getByRole('list', { name: 'Run steps' })).getByRole('button', { pressed: true });
    expect(row).toHaveTextContent('charge_card');
    expect(within(within(panel).getByRole('listbox', { name: 'Run timeline' })).getByRole('option', { selected: true })).toHaveAccessibleName(/charge_card/);

    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
    await user.type(search, 'no such words anywhere');
    await waitFor(() => expect(searchStatus(panel)).toHaveTextContent('No matches'));
  });

  it('narrows the waterfall and the list with the status and tool filters', async () => {
    const h = await setup({ backend });
    const { threadId, runId } = await failedBulkRun(h, 150, 140);
    const { user } = renderInspector(h, { threadId });
    const panel = await runPanel(runId);
    const status = await within(panel).findByRole('combobox', { name: 'Status' });
    await waitFor(() => expect(within(status).getByRole('option', { name: 'failed' })).toBeInTheDocument());
    await user.selectOptions(status, 'failed');
    const list = () => within(panel).getByRole('list', { name: 'Run steps' });
    await waitFor(() => expect(within(list()).getAllByRole('listitem')).toHaveLength(1), { timeout: 10_000 });
    expect(within(within(panel).getByRole('listbox', { name: 'Run timeline' })).getAllByRole('option')).toHaveLength(1);
    expect(searchStatus(panel)).toHaveTextContent('1 step shown');
    await user.selectOptions(status, '');
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Tool' }), 'charge_card');
    await waitFor(() => expect(within(list()).getAllByRole('listitem')).toHaveLength(1));
    await user.selectOptions(within(panel).getByRole('combobox', { name: 'Tool' }), '');
    await waitFor(() => expect(within(list()).getAllByRole('listitem').length).toBeGreaterThan(1));
  });

  it('takes the selection as controlled props (a deep link) and reports every change', async () => {
    const h = await setup({ backend });
    const { threadId, runId } = await failedBulkRun(h, 300, 290);
    const all = await h.client.listRunSteps(threadId, runId, { order: 'asc', limit: 100, after: undefined });
    const deepStep = (await h.client.listRunSteps(threadId, runId, { order: 'desc', limit: 1 })).data[0]!;
    const onSelectionChange = vi.fn<(selection: RunInspectorSelection) => void>();
    // A step beyond the first page: its details are fetched by id.
    const view = renderInspector(h, { threadId, selectedRunId: runId, selectedStepId: deepStep.id, onSelectionChange });
    await runPanel(runId);
    await waitFor(() => expect(selectedStep()).toHaveTextContent(failure), { timeout: 10_000 });

    const list = await within(await runPanel(runId)).findByRole('list', { name: 'Run steps' });
    await view.user.click(within(list).getAllByRole('button', { pressed: false })[0]!);
    expect(onSelectionChange).toHaveBeenLastCalledWith({ runId, stepId: all.data[0]!.id });
    // Controlled: nothing moves until the app passes the new selection back.
    expect(selectedStep()).toHaveTextContent(failure);
    view.rerender(<WithProps h={h} threadId={threadId} selectedRunId={runId} selectedStepId={all.data[0]!.id} />);
    await waitFor(() => expect(selectedStep()).not.toHaveTextContent(failure));
  });

  it('opens a run exported through the backend read-only, with no backend, and says why the actions are gone', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.function_call });
    await advance(h, 3_000);
    const bundle = JSON.parse(JSON.stringify(await collectRunBundle(h.client, threadId, run.id)));
    const requestsBefore = h.emulator.requests.length;
    const user = userEvent.setup();
    render(<RunBundleViewer createClient={createReplayRunsClient} defaultBundle={bundle} />);
    const panel = await runPanel(run.id);
    expect(await headerStatus(panel)).toHaveTextContent('Needs tool outputs');
    expect(await screen.findAllByText(/A replay of an exported run is read-only\./)).not.toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Start run' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit tool outputs' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel run' })).toBeNull();
    await user.click((await within(panel).findAllByRole('button', { name: /get_weather|get_forecast/ }))[0]!);
    await waitFor(() => expect(selectedStep()).toHaveTextContent(/get_weather|get_forecast/));
    expect(h.emulator.requests.length).toBe(requestsBefore);
  });
});

describe('RunBundleViewer', () => {
  it('says what is wrong with a file that is not an export, and keeps what was open', async () => {
    const user = userEvent.setup();
    render(<RunBundleViewer createClient={createReplayRunsClient} />);
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    await user.upload(input, new File(['{ not json'], 'broken.json', { type: 'application/json' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/broken\.json is not a JSON file .*Open a file saved with "Download JSON"/);
    await user.upload(input, new File([JSON.stringify({ format: 'other' })], 'other.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/other\.json can't be opened: .*runlens\.run-bundle/));
  });
});

import type { RunInspectorProps } from '../../src/ui';
import { RunInspector } from '../../src/ui';
/** Re-renders the inspector with new props inside the same harness providers. */
function WithProps({ h, ...props }: RunInspectorProps & { h: Harness }) {
  const Wrapper = h.wrapper;
  return (
    <Wrapper>
      <RunInspector {...props} />
    </Wrapper>
  );
}
