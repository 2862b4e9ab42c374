import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useState } from 'react';
import { useArgs } from 'storybook/preview-api';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { collectRunBundle, type RunBundle } from '../src/api/bundle';
import { createReplayRunsClient } from '../src/backends/replay';
import { useRunsClient } from '../src/react';
import { RunBundleViewer, RunInspector, type RunInspectorProps, type RunInspectorSelection } from '../src/ui';
import { backendOf, expectStatus, runOf, withEmulator, type StoryBackend } from './support';

// RunInspector read like a trace (issue #13): search and filters inside a run, the waterfall linked
// to the steps, the selected step's details, export, the exported file opened with no backend and
// replayed, deep links kept in the story's args (so in its URL), and the layout at two widths. Every
// story has a Dark twin; every one is an axe test in Chromium.

const meta = {
  title: 'RunInspector/Trace',
  component: RunInspector,
  args: { threadId: '', prices: { 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } } },
  argTypes: { threadId: { control: false } },
  render: (args, context) => <RunInspector {...args} threadId={backendOf(context).threadId} />,
} satisfies Meta<typeof RunInspector>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A 1 000-step bulk run whose 990th call, `charge_card`, fails (and with it the run). */
const failedBulkRun = withEmulator({ scenario: 'bulk', metadata: { 'emulator.steps': '1000', 'emulator.fail_step': '990' }, loadSteps: false });
const failure = 'charge_card failed: the payment service timed out.';

const selectedStep = (root: HTMLElement) => within(root).getByRole('complementary', { name: 'Selected step' });
const searchStatus = (root: HTMLElement) => root.querySelector('[data-slot="trace-search-status"]');

/** `story` with the dark theme pinned. */
const dark = (story: Story): Story => ({ ...story, globals: { ...story.globals, theme: 'dark' } });

/** `/` focuses the search; the tool name finds the one failed call among 1 000; Enter selects it. */
export const SearchInRun: Story = {
  ...failedBulkRun,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Failed');
    await canvas.findByRole('listbox', { name: 'Run timeline' });
    await userEvent.keyboard('/');
    const search = canvas.getByRole('searchbox', { name: 'Search steps' });
    await expect(search).toHaveFocus();
    await userEvent.keyboard('charge_card{Enter}');
    await waitFor(() => expect(searchStatus(canvasElement)).toHaveTextContent(/^1 of 1 match/), { timeout: 20_000 });
    await waitFor(() => expect(selectedStep(canvasElement)).toHaveTextContent(failure));
    // The match is highlighted in the details (CSS Custom Highlight API), and its bar is selected.
    await waitFor(() => expect(Number(selectedStep(canvasElement).querySelector('[data-match-count]')?.getAttribute('data-match-count'))).toBeGreaterThan(0));
    const bar = within(canvas.getByRole('listbox', { name: 'Run timeline' })).getByRole('option', { selected: true });
    await expect(bar).toHaveAccessibleName(/charge_card/);
    await userEvent.keyboard('{Escape}');
    await expect(search).toHaveValue('');
  },
};
export const SearchInRunDark = dark(SearchInRun);

/** Filters by tool and status narrow the waterfall and the list to the steps that pass. */
export const Filters: Story = {
  ...failedBulkRun,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Failed');
    await canvas.findByRole('searchbox', { name: 'Search steps' });
    await waitFor(() => expect(within(canvas.getByRole('combobox', { name: 'Status' })).getByRole('option', { name: 'failed' })).toBeTruthy(), { timeout: 20_000 });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'failed');
    const list = () => canvas.getByRole('list', { name: 'Run steps' });
    await waitFor(() => expect(within(list()).getAllByRole('listitem')).toHaveLength(1), { timeout: 20_000 });
    await expect(within(list()).getByRole('listitem')).toHaveTextContent(/charge_card/);
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), '');
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Tool' }), 'code_interpreter');
    await waitFor(() => expect(within(list()).getAllByRole('listitem').every((item) => /code_interpreter/.test(item.textContent ?? ''))).toBe(true));
  },
};
export const FiltersDark = dark(Filters);

/** A bar selects its step (the list shows it pressed, the details pane shows it), and a step its bar. */
export const WaterfallLinkedToSteps: Story = {
  ...withEmulator({ scenario: 'function_call', answer: '{"temperature":18}', metadata: { 'emulator.parallel': '2' } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Completed');
    const waterfall = await canvas.findByRole('listbox', { name: 'Run timeline' });
    const bars = within(waterfall).getAllByRole('option');
    await userEvent.click(bars[0]!);
    await waitFor(() => expect(bars[0]).toHaveAttribute('aria-selected', 'true'));
    const list = canvas.getByRole('list', { name: 'Run steps' });
    await waitFor(() => expect(within(list).getByRole('button', { pressed: true })).toBeVisible());
    await expect(selectedStep(canvasElement)).toHaveTextContent(/get_weather|get_forecast/);
    const rows = within(list).getAllByRole('button', { pressed: false });
    await userEvent.click(rows.at(-1)!);
    await waitFor(() => expect(within(waterfall).getAllByRole('option').at(-1)).toHaveAttribute('aria-selected', 'true'));
    await expect(selectedStep(canvasElement)).toHaveTextContent(/Message/);
  },
};
export const WaterfallLinkedToStepsDark = dark(WaterfallLinkedToSteps);

/**
 * The inspector with its selection controlled from here and mirrored into the story's args (so,
 * in Storybook, into its URL). Held in state too: where nothing stores args (a story rendered as a
 * test), this state still drives it.
 */
function DeepLinkedInspector({ onArgsChange, ...props }: RunInspectorProps & { onArgsChange(args: Partial<RunInspectorProps>): void }) {
  const [selection, setSelection] = useState<RunInspectorSelection>({ runId: props.selectedRunId ?? null, stepId: props.selectedStepId ?? null });
  return (
    <>
      <p data-testid="selection">
        run={String(selection.runId)} step={String(selection.stepId)}
      </p>
      <RunInspector
        {...props}
        selectedRunId={selection.runId}
        selectedStepId={selection.stepId}
        onSelectionChange={(next) => {
          setSelection(next);
          onArgsChange({ selectedRunId: next.runId, selectedStepId: next.stepId });
        }}
      />
    </>
  );
}

/**
 * Deep links: the selection is controlled (`selectedRunId`, `selectedStepId`, `onSelectionChange`)
 * and kept in the story's args — in Storybook, in its URL — so a link opens the same step.
 */
export const DeepLinks: Story = {
  ...withEmulator({ scenario: 'code_interpreter' }),
  args: { selectedRunId: null, selectedStepId: null },
  render: function DeepLinks(args, context) {
    const [, updateArgs] = useArgs();
    return <DeepLinkedInspector {...args} threadId={backendOf(context).threadId} onArgsChange={updateArgs} />;
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const run = runOf({ loaded });
    await expectStatus(canvasElement, 'Completed');
    const list = await canvas.findByRole('list', { name: 'Run steps' });
    await userEvent.click(within(list).getAllByRole('button', { pressed: false })[0]!);
    const steps = await backendOf({ loaded }).client.listRunSteps(backendOf({ loaded }).threadId, run.id, { order: 'asc' });
    await waitFor(() => expect(canvas.getByTestId('selection')).toHaveTextContent(`run=${run.id} step=${steps.data[0]!.id}`));
    await expect(selectedStep(canvasElement)).toHaveAccessibleName('Selected step');
  },
};
export const DeepLinksDark = dark(DeepLinks);

/** Download JSON reads the whole run again (every page, file-search content included) and saves it. */
export const Export: Story = {
  ...withEmulator({ scenario: 'file_search' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Completed');
    await userEvent.click(canvas.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="run-export-status"]')).toHaveTextContent(/^Downloaded run_\w+\.runlens\.json \(\d+ steps\)$|^Downloaded resp_\w+\.runlens\.json/));
  },
};
export const ExportDark = dark(Export);

/** The story's run exported through the story's client, then opened with no backend. */
function ExportedRunViewer({ backend, speed }: { backend: StoryBackend; speed?: number }) {
  const client = useRunsClient();
  const [bundle, setBundle] = useState<RunBundle | null>(null);
  useEffect(() => {
    void collectRunBundle(client, backend.threadId, backend.run!.id).then(setBundle);
  }, [client, backend]);
  if (!bundle) return <p>Exporting…</p>;
  return <RunBundleViewer createClient={createReplayRunsClient} defaultBundle={bundle} speeds={speed ? [speed] : undefined} />;
}

/** An exported run opened with no backend: read-only, with the reason where the actions were. */
export const OpenedExport: Story = {
  ...withEmulator({ scenario: 'function_call', answer: '{"temperature":18}' }),
  render: (_args, context) => <ExportedRunViewer backend={backendOf(context)} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Completed');
    await expect(await canvas.findAllByText('A replay of an exported run is read-only.')).not.toHaveLength(0);
    await expect(canvas.queryByRole('button', { name: 'Start run' })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Open file' })).toBeVisible();
  },
};
export const OpenedExportDark = dark(OpenedExport);

/** Replay at 1×: the run plays again from its start, as it happened, to how it ended. */
export const Replay: Story = {
  ...withEmulator({ scenario: 'function_call', answer: '{"temperature":18}' }),
  render: (_args, context) => <ExportedRunViewer backend={backendOf(context)} speed={1} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Completed');
    await userEvent.click(canvas.getByRole('button', { name: 'Replay at 1×' }));
    await expect(canvas.getByText('Replaying at 1×')).toBeVisible();
    await expectStatus(canvasElement, 'In progress', 15_000);
    await expectStatus(canvasElement, 'Completed', 15_000);
  },
};
export const ReplayDark = dark(Replay);

/** A file that is not an export gets a message saying what to fix, and nothing else changes. */
export const OpenBadFile: Story = {
  render: () => <RunBundleViewer createClient={createReplayRunsClient} defaultBundle={{ format: 'something-else', run: {} }} />,
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent(/can't be opened: .*runlens\.run-bundle/);
  },
};
export const OpenBadFileDark = dark(OpenBadFile);

/** On a narrow screen the three columns collapse to one. */
export const Narrow: Story = {
  ...withEmulator({ scenario: 'code_interpreter' }),
  render: (args, context) => (
    <div style={{ width: 360 }}>
      <RunInspector {...args} threadId={backendOf(context).threadId} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'Completed');
    const layout = canvasElement.querySelector('.rl-inspector-layout')!;
    await expect(getComputedStyle(layout).gridTemplateColumns.split(' ')).toHaveLength(1);
    const details = canvasElement.querySelector('[data-slot="run-details"]')!;
    await expect(getComputedStyle(details).gridTemplateColumns.split(' ')).toHaveLength(1);
  },
};
export const NarrowDark = dark(Narrow);

/** Wide: runs | waterfall + steps | the selected step. The header is one line; the rest behind "Usage and metadata". */
export const Wide: Story = {
  ...withEmulator({ scenario: 'code_interpreter' }),
  render: (args, context) => (
    <div style={{ width: 1400 }}>
      <RunInspector {...args} threadId={backendOf(context).threadId} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Completed');
    await expect(getComputedStyle(canvasElement.querySelector('.rl-inspector-layout')!).gridTemplateColumns.split(' ')).toHaveLength(2);
    await expect(getComputedStyle(canvasElement.querySelector('[data-slot="run-details"]')!).gridTemplateColumns.split(' ')).toHaveLength(2);
    await expect(canvasElement.querySelector('.rl-facts-inline')).toHaveTextContent(/Tokens/);
    await expect(canvas.getByText('Prompt tokens')).not.toBeVisible();
    await userEvent.click(canvas.getByText('Usage and metadata'));
    await expect(canvas.getByText('Prompt tokens')).toBeVisible();
  },
};
export const WideDark = dark(Wide);

