import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { DeadlineView } from '../src/ui';
import { backendOf, runOf, statusPlans, withEmulator } from './support';

// The tool-output countdown of a run waiting in requires_action, at the emulator clock's now.
const meta = {
  title: 'Components/DeadlineView',
  component: DeadlineView,
  args: { expiresAt: null, now: 0 },
  argTypes: { expiresAt: { control: false }, now: { control: false } },
  render: (args, context) => <DeadlineView {...args} expiresAt={runOf(context).expires_at} now={backendOf(context).clock.now()} />,
} satisfies Meta<typeof DeadlineView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Plenty: Story = {
  ...withEmulator(statusPlans.requires_action),
  play: async ({ canvasElement }) => {
    const timer = within(canvasElement).getByRole('timer');
    await expect(timer).toHaveTextContent(/^9:5\d left$/);
    await expect(timer).toHaveAttribute('data-state', 'ok');
  },
};

export const Soon: Story = {
  ...withEmulator({ ...statusPlans.requires_action, advanceMs: 570_000 }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('timer')).toHaveAttribute('data-state', 'soon');
  },
};

/** A terminal run has no expires_at: nothing renders. */
export const NoDeadline: Story = {
  ...withEmulator(statusPlans.completed),
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).queryByRole('timer')).toBeNull();
  },
};
