import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { RunStepListView, RunStepView } from '../src/ui';
import { backendOf, resolveFileUrl, withEmulator } from './support';

// A whole run's steps (every page, read from the emulator) in the virtualized list.
const meta = {
  title: 'Components/RunStepListView',
  component: RunStepListView,
  args: { steps: [] },
  argTypes: { steps: { control: false } },
  render: (args, context) => (
    <RunStepListView {...args} steps={backendOf(context).steps} style={{ height: 480 }}>
      <RunStepListView.Items>
        {(step) => (
          <RunStepView step={step}>
            <RunStepView.Details
              message={step.step_details.type === 'message_creation' ? (backendOf(context).messages.get(step.step_details.message_creation.message_id) ?? null) : null}
              resolveFileUrl={resolveFileUrl}
            />
          </RunStepView>
        )}
      </RunStepListView.Items>
    </RunStepListView>
  ),
} satisfies Meta<typeof RunStepListView>;
export default meta;
type Story = StoryObj<typeof meta>;

/** 10 000 steps from the `bulk` scenario: only the visible rows are mounted; scrolling brings others in. */
export const TenThousandSteps: Story = {
  ...withEmulator({ scenario: 'bulk', metadata: { 'emulator.steps': '10000' } }),
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Run steps' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0));
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(100);
    list.scrollTop = list.scrollHeight;
    await waitFor(() => expect(within(list).getByText(/Done: 10000 steps/)).toBeInTheDocument());
  },
};

export const FewSteps: Story = {
  ...withEmulator({ scenario: 'bulk', metadata: { 'emulator.steps': '6' } }),
  play: async ({ canvasElement }) => {
    const rows = within(within(canvasElement).getByRole('list', { name: 'Run steps' })).getAllByRole('listitem').filter((el) => el.hasAttribute('data-step-type'));
    expect(rows).toHaveLength(7);
  },
};

export const Loading: Story = {
  ...withEmulator({ scenario: 'bulk', metadata: { 'emulator.steps': '3' } }),
  args: { isLoading: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('list', { name: 'Run steps' })).toHaveAttribute('aria-busy', 'true');
  },
};

/** 10 000 steps scrolled to the middle: the rows there are mounted, in order, with no gap, and the total height stays the rows' sum. */
export const ScrolledToTheMiddle: Story = {
  ...withEmulator({ scenario: 'bulk', metadata: { 'emulator.steps': '10000' } }),
  play: async ({ canvasElement, loaded }) => {
    const steps = backendOf({ loaded }).steps;
    const list = within(canvasElement).getByRole('list', { name: 'Run steps' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0));
    list.scrollTop = (list.scrollHeight - list.clientHeight) / 2;
    const box = list.getBoundingClientRect();
    await waitFor(() => {
      const rows = [...list.querySelectorAll<HTMLElement>('[data-index]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
      const middle = Number(rows[0]!.dataset.index);
      expect(middle).toBeGreaterThan(2000);
      expect(middle).toBeLessThan(8000);
      expect(rows.length).toBeLessThan(60);
      rows.forEach((row, i) => {
        // Consecutive indexes, each the step at that index, each starting where the previous ended.
        expect(Number(row.dataset.index)).toBe(middle + i);
        expect(row.querySelector('[data-step-id]')).toHaveAttribute('data-step-id', steps[middle + i]!.id);
        if (i > 0) expect(Math.abs(row.getBoundingClientRect().top - rows[i - 1]!.getBoundingClientRect().bottom)).toBeLessThan(1);
      });
      // The rows cover the viewport.
      expect(rows[0]!.getBoundingClientRect().top).toBeLessThanOrEqual(box.top);
      expect(rows.at(-1)!.getBoundingClientRect().bottom).toBeGreaterThanOrEqual(box.bottom);
      // Total height: every row between the smallest and largest size seen (measured, or the 64 px default estimate).
      const heights = [...rows.map((row) => row.getBoundingClientRect().height), 64];
      expect(list.scrollHeight).toBeGreaterThanOrEqual(steps.length * Math.min(...heights) - 1);
      expect(list.scrollHeight).toBeLessThanOrEqual(steps.length * Math.max(...heights) + 1);
    });
  },
};
