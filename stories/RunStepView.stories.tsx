import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { RunStepView } from '../src/ui';
import { backendOf, hostileText, resolveFileUrl, stepPlans, withEmulator } from './support';

// Every step of an emulator run, rendered by type (message text from the emulator's messages).
const meta = {
  title: 'Components/RunStepView',
  component: RunStepView,
  args: { step: undefined as never },
  argTypes: { step: { control: false } },
  render: (_args, context) => {
    const { steps, messages } = backendOf(context);
    return (
      <div role="list" aria-label="Run steps">
        {steps.map((step) => (
          <RunStepView key={step.id} step={step}>
            <RunStepView.Details
              message={step.step_details.type === 'message_creation' ? (messages.get(step.step_details.message_creation.message_id) ?? null) : null}
              resolveFileUrl={resolveFileUrl}
            />
          </RunStepView>
        ))}
      </div>
    );
  },
} satisfies Meta<typeof RunStepView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const MessageCreation: Story = {
  ...withEmulator(stepPlans.message_creation),
  play: async ({ canvasElement }) => {
    const item = within(canvasElement).getByRole('listitem');
    await expect(item).toHaveAttribute('data-step-type', 'message_creation');
    await expect(within(item).getByText(/Here is a short answer/)).toBeVisible();
  },
};

export const FunctionCall: Story = {
  ...withEmulator(stepPlans.function),
  play: async ({ canvasElement }) => {
    const [tools] = within(canvasElement).getAllByRole('listitem');
    await expect(tools).toHaveAttribute('data-step-type', 'tool_calls');
    await expect(within(tools as HTMLElement).getAllByText(/get_weather|get_forecast/).length).toBeGreaterThan(0);
    await expect(within(tools as HTMLElement).getAllByText(/"temperature": 18/).length).toBeGreaterThan(0);
  },
};

export const CodeInterpreterWithImage: Story = {
  ...withEmulator(stepPlans.code_interpreter),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('img', { name: /^Output image file-/ })).toBeVisible();
    await expect(canvas.getByText(/plt\.savefig/)).toBeVisible();
    await expect(canvas.getByText(/max=1\.00 at x=1\.56/)).toBeVisible();
  },
};

export const FileSearchWithContent: Story = {
  ...withEmulator(stepPlans.file_search),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByText(/run-lifecycle-guide\.md/).length).toBeGreaterThan(0);
    await expect(canvas.getByText(/0\.91/)).toBeVisible();
    await expect(canvas.getByText(/A run starts queued/)).toBeVisible();
  },
};

export const FailedStep: Story = {
  ...withEmulator(stepPlans.failed),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('listitem')).toHaveAttribute('data-state', 'failed');
  },
};

/** A message step whose message has not loaded yet. */
export const MessageLoading: Story = {
  ...withEmulator(stepPlans.message_creation),
  render: (_args, context) => {
    const step = backendOf(context).steps[0];
    return (
      <div role="list" aria-label="Run steps">
        {step && (
          <RunStepView step={step}>
            <RunStepView.Details message={undefined} />
          </RunStepView>
        )}
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Loading message…')).toBeVisible();
  },
};

/** HTML in arguments, outputs, code, logs, file names and contents is text, never markup. */
export const HostileStrings: Story = {
  ...withEmulator({
    runs: [
      { scenario: 'code_interpreter', metadata: { 'emulator.text': hostileText } },
      { scenario: 'file_search', metadata: { 'emulator.text': hostileText } },
      { scenario: 'bulk', metadata: { 'emulator.text': hostileText, 'emulator.steps': '3' } },
    ],
  }),
  beforeEach: () => {
    const original = window.alert;
    window.alert = fn();
    return () => {
      window.alert = original;
    };
  },
  play: async ({ canvasElement }) => {
    const shown = within(canvasElement).getAllByText((_, el) => el?.children.length === 0 && (el.textContent ?? '').includes(hostileText));
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(canvasElement.querySelectorAll('img[src="x"]')).toHaveLength(0);
    expect(window.alert).not.toHaveBeenCalled();
  },
};
