import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import type { RunStatus } from '../src/core';
import { RunStatusBadge } from '../src/ui';
import { runOf, statusLabels, statusPlans, withEmulator } from './support';

// The badge for the status of a run the emulator put in that status.
const meta = {
  title: 'Components/RunStatusBadge',
  component: RunStatusBadge,
  args: { status: 'queued' },
  render: (args, context) => <RunStatusBadge {...args} status={runOf(context).status} />,
} satisfies Meta<typeof RunStatusBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

function statusStory(status: RunStatus): Story {
  return {
    ...withEmulator(statusPlans[status]),
    play: async ({ canvasElement }) => {
      const badge = within(canvasElement).getByRole('status');
      await expect(badge).toHaveTextContent(statusLabels[status]);
      await expect(badge).toHaveAttribute('data-state', status);
    },
  };
}

export const Queued = statusStory('queued');
export const InProgress = statusStory('in_progress');
export const RequiresAction = statusStory('requires_action');
export const Cancelling = statusStory('cancelling');
export const Cancelled = statusStory('cancelled');
export const Failed = statusStory('failed');
export const Completed = statusStory('completed');
export const Incomplete = statusStory('incomplete');
export const Expired = statusStory('expired');
export const Dark: Story = { ...statusStory('failed'), globals: { theme: 'dark' } };
