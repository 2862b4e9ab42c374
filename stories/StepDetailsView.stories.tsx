import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { RunStep } from '../src/core';
import { StepDetailsView } from '../src/ui/StepDetailsView';
import { backendOf, resolveFileUrl, runOf, stepPlans, withEmulator } from './support';

type StepType = RunStep['type'];

/** The story's step: the first of `parameters.stepType` in its emulator run. */
function stepOf(context: Pick<StoryContext, 'loaded' | 'parameters'>): RunStep {
  const { steps } = backendOf(context);
  const type = (context.parameters.stepType as StepType | undefined) ?? steps[0]?.type;
  const step = steps.find((candidate) => candidate.type === type);
  if (!step) throw new Error(`The story's run has no ${String(type)} step`);
  return step;
}

/** A story on one emulator run, showing its first step of `stepType` (default: its first step). */
function stepStory(plan: Parameters<typeof withEmulator>[0], stepType?: StepType) {
  const { parameters } = withEmulator(plan);
  return { parameters: { ...parameters, stepType } };
}

const prices = { 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } };

// The selected step's pane, fed by a run of the story's emulator (every step and message is its output).
const meta = {
  title: 'Components/StepDetailsView',
  component: StepDetailsView,
  args: { step: undefined as never, prices },
  argTypes: { step: { control: false }, message: { control: false } },
  render: (args, context) => {
    const step = stepOf(context);
    const run = runOf(context);
    const details = step.step_details;
    const message = details.type === 'message_creation' ? (backendOf(context).messages.get(details.message_creation.message_id) ?? null) : null;
    return (
      <StepDetailsView
        {...args}
        step={step}
        message={message}
        runStartMs={run.created_at * 1000}
        model={run.model}
        resolveFileUrl={resolveFileUrl}
        actions={<button type="button">Copy step JSON</button>}
      />
    );
  },
} satisfies Meta<typeof StepDetailsView>;
export default meta;
type Story = StoryObj<typeof meta>;

const paneOf = (canvasElement: HTMLElement) => within(canvasElement).getByRole('region', { name: /^Step step_/ });

export const Message: Story = {
  ...stepStory(stepPlans.message_creation),
  play: async ({ canvasElement }) => {
    const pane = paneOf(canvasElement);
    await expect(within(pane).getByRole('heading', { name: 'Message' })).toBeVisible();
    await expect(within(pane).getByText(/Here is a short answer/, { selector: '[data-part="text"]' })).toBeVisible();
    await expect(within(pane).getByText('Cost')).toBeVisible();
    // Folded until asked for.
    await expect(within(pane).getByText('Raw JSON')).toBeVisible();
    await expect(within(pane).getByRole('figure', { name: 'Step', hidden: true })).not.toBeVisible();
  },
};

export const FunctionCall: Story = {
  ...stepStory(stepPlans.function, 'tool_calls'),
  play: async ({ canvasElement }) => {
    const pane = paneOf(canvasElement);
    await expect(within(pane).getByRole('heading', { name: 'Function get_weather' })).toBeVisible();
    await expect(within(pane).getAllByRole('figure', { name: 'Arguments' }).length).toBeGreaterThan(0);
    await expect(within(pane).getAllByRole('figure', { name: 'Output' })[0]).toHaveTextContent('"temperature": 18');
  },
};

export const CodeInterpreterWithImage: Story = {
  ...stepStory(stepPlans.code_interpreter, 'tool_calls'),
  play: async ({ canvasElement }) => {
    const pane = paneOf(canvasElement);
    await expect(within(pane).getByRole('heading', { name: 'Code interpreter' })).toBeVisible();
    await expect(within(within(pane).getByRole('figure', { name: 'Image' })).getByRole('img', { name: /^Output image file-/ })).toBeVisible();
    await expect(within(pane).getByRole('figure', { name: 'Code' })).toHaveTextContent('plt.savefig');
    await expect(within(pane).getByRole('figure', { name: 'Logs' })).toHaveTextContent('max=1.00 at x=1.56');
  },
};

export const FileSearch: Story = {
  ...stepStory(stepPlans.file_search, 'tool_calls'),
  play: async ({ canvasElement }) => {
    const results = within(paneOf(canvasElement)).getByRole('list', { name: 'File search results' });
    await expect(within(results).getByText('run-lifecycle-guide.md')).toBeVisible();
    await expect(within(results).getByText(/A run starts queued/)).toBeVisible();
  },
};

export const FailedStep: Story = {
  ...stepStory(stepPlans.failed),
  play: async ({ canvasElement }) => {
    const pane = paneOf(canvasElement);
    await expect(within(pane).getByRole('group', { name: 'Error' })).toHaveTextContent('server_error');
    await expect(pane).toHaveAttribute('data-state', 'failed');
  },
};

/** The failed step on the dark theme (axe checks the error block's and the badge's contrast there). */
export const FailedStepDark: Story = {
  ...FailedStep,
  globals: { theme: 'dark' },
};

/** The raw JSON opened, on the dark theme. */
export const RawJsonOpenDark: Story = {
  ...stepStory(stepPlans.code_interpreter, 'tool_calls'),
  globals: { theme: 'dark' },
  play: async ({ canvasElement, userEvent }) => {
    const pane = paneOf(canvasElement);
    await userEvent.click(within(pane).getByText('Raw JSON'));
    await expect(within(pane).getByRole('figure', { name: 'Step' })).toBeVisible();
    await expect(within(pane).getByRole('figure', { name: 'Step' })).toHaveTextContent('"type": "code_interpreter"');
  },
};

/** How many times `query` shows in the pane's rendered text (innerText leaves the closed raw JSON out). */
const occurrences = (element: HTMLElement, query: string) => element.innerText.toLowerCase().split(query.toLowerCase()).length - 1;

async function expectMarks(pane: HTMLElement, query: string) {
  const expected = occurrences(pane, query);
  await expect(expected).toBeGreaterThan(1);
  await waitFor(() => expect(CSS.highlights.get('runlens-search')?.size).toBe(expected));
  await expect(pane).toHaveAttribute('data-match-count', String(expected));
}

/** Search matches marked with the CSS Custom Highlight API (no DOM change); opening the raw JSON marks its matches too. */
export const Highlight: Story = {
  ...stepStory(stepPlans.function, 'tool_calls'),
  args: { highlight: 'Temperature' },
  play: async ({ canvasElement, userEvent }) => {
    const pane = paneOf(canvasElement);
    await expectMarks(pane, 'temperature');
    await expect(pane.querySelector('mark')).toBeNull();
    await userEvent.click(within(pane).getByText('Raw JSON'));
    await expectMarks(pane, 'temperature');
  },
};

export const HighlightDark: Story = {
  ...Highlight,
  globals: { theme: 'dark' },
};

/** Nothing selected yet. */
export const Empty: Story = {
  render: () => <StepDetailsView.Empty />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Select a step to see its details')).toBeVisible();
  },
};
