import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { RunTimelineView } from '../src/ui';
import { backendOf, runOf, withEmulator } from './support';

// The Gantt of a run's steps, from an emulator run.
const meta = {
  title: 'Components/RunTimelineView',
  component: RunTimelineView,
  args: { run: undefined as never, steps: [] },
  argTypes: { run: { control: false }, steps: { control: false } },
  render: (args, context) => (
    <RunTimelineView {...args} run={runOf(context)} steps={backendOf(context).steps} now={backendOf(context).clock.now()}>
      <RunTimelineView.Bars>
        {(step) => (
          <RunTimelineView.Bar step={step}>
            <RunTimelineView.Duration />
          </RunTimelineView.Bar>
        )}
      </RunTimelineView.Bars>
    </RunTimelineView>
  ),
} satisfies Meta<typeof RunTimelineView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ToolsThenMessage: Story = {
  ...withEmulator({ scenario: 'function_call', answer: '{"ok":true}' }),
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Run timeline' });
    const bars = within(list).getAllByRole('listitem');
    expect(bars).toHaveLength(2);
    await expect(bars[0]).toHaveAccessibleName(/^tool_calls step, .* completed$/);
  },
};

/** A live bar: the step is still in progress, drawn up to the emulator's now. */
export const InProgress: Story = {
  ...withEmulator({ scenario: 'slow', advanceMs: 30_000 }),
  play: async ({ canvasElement }) => {
    const bar = within(within(canvasElement).getByRole('list', { name: 'Run timeline' })).getByRole('listitem');
    await expect(bar).toHaveAccessibleName(/message_creation step, .* in_progress/);
  },
};

export const Bulk1000: Story = {
  ...withEmulator({ scenario: 'bulk', metadata: { 'emulator.steps': '1000' } }),
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Run timeline' });
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(200);
  },
};
