import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { UsageView } from '../src/ui';
import { runOf, statusPlans, withEmulator } from './support';

// Token usage (and cost) of an emulator run.
const meta = {
  title: 'Components/UsageView',
  component: UsageView,
  args: { usage: null, prices: { 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } } },
  argTypes: { usage: { control: false } },
  render: (args, context) => <UsageView {...args} usage={runOf(context).usage} model={runOf(context).model} />,
} satisfies Meta<typeof UsageView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const CompletedWithCost: Story = {
  ...withEmulator(statusPlans.completed),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Total tokens')).toBeVisible();
    await expect(canvas.getByText('Cost')).toBeVisible();
  },
};

export const WithoutPrice: Story = {
  ...withEmulator(statusPlans.completed),
  args: { prices: undefined },
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).queryByText('Cost')).toBeNull();
  },
};

/** Not terminal yet: usage is null. */
export const NotYet: Story = {
  ...withEmulator(statusPlans.in_progress),
  play: async ({ canvasElement }) => {
    expect(within(canvasElement).getAllByText('—').length).toBeGreaterThan(0);
  },
};
