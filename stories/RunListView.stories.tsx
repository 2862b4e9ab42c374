import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { demoIds } from '../src/emulator';
import { RunListView, RunStatusBadge } from '../src/ui';
import { backendOf, withEmulator } from './support';

// The runs listbox over the runs of an emulator thread (the seeded ones, or a new empty thread).
const meta = {
  title: 'Components/RunListView',
  component: RunListView,
  args: { runs: [], onValueChange: fn() },
  argTypes: { runs: { control: false } },
  render: function Render(args, context) {
    const { runs } = backendOf(context);
    const [value, setValue] = useState<string | null>(runs[0]?.id ?? null);
    return (
      <div>
        <RunListView {...args} runs={runs} value={value} onValueChange={(id) => { setValue(id); args.onValueChange?.(id); }}>
          <RunListView.Items>
            {(run) => (
              <RunListView.Item run={run}>
                <span className="rl-mono">{run.id}</span> <RunStatusBadge status={run.status} role={undefined} aria-live={undefined} />
              </RunListView.Item>
            )}
          </RunListView.Items>
        </RunListView>
        <RunListView.Empty runs={runs} isLoading={args.isLoading}>
          <p>No runs yet</p>
        </RunListView.Empty>
        <RunListView.LoadOlder onLoad={fn()} hasMore={runs.length >= 20} />
      </div>
    );
  },
} satisfies Meta<typeof RunListView>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The seeded thread with one run per terminal status; arrows move the selection. */
export const TerminalStatuses: Story = {
  ...withEmulator({ threadId: demoIds.threads.statuses, loadSteps: false }),
  play: async ({ canvasElement, args }) => {
    const listbox = within(canvasElement).getByRole('listbox', { name: 'Runs' });
    const options = within(listbox).getAllByRole('option');
    expect(options).toHaveLength(5);
    await userEvent.click(options[0] as HTMLElement);
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(options[1]).toHaveAttribute('aria-selected', 'true'));
    expect(args.onValueChange).toHaveBeenCalled();
  },
};

/** 48 runs (the history thread): the listbox and "Load older runs". */
export const LongHistory: Story = {
  ...withEmulator({ threadId: demoIds.threads.history, loadSteps: false }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(within(canvas.getByRole('listbox', { name: 'Runs' })).getAllByRole('option').length).toBeGreaterThan(20);
    await expect(canvas.getByRole('button', { name: 'Load older runs' })).toBeEnabled();
  },
};

export const Empty: Story = {
  ...withEmulator({ runs: [] }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('No runs yet')).toBeVisible();
    await expect(within(canvasElement).getByRole('button', { name: 'Load older runs' })).toBeDisabled();
  },
};

export const Loading: Story = {
  ...withEmulator({ runs: [] }),
  args: { isLoading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('listbox', { name: 'Runs' })).toHaveAttribute('aria-busy', 'true');
    expect(within(canvasElement).queryByText('No runs yet')).toBeNull();
  },
};
