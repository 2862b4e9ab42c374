import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { RunStatus } from '../src/core';
import { demoIds } from '../src/emulator';
import { RunInspector } from '../src/ui';
import { backendOf, expectDeadline, expectStatus, hostileText, resolveFileUrl, statusLabels, statusPlans, statusReached, openUsageAndMetadata, withEmulator, type BackendGlobal } from './support';

// RunInspector over the in-browser emulator: every story's thread and runs are built through the
// official SDK by the preview's loader (stories/support/backend.ts); `threadId` comes from there.
// Every story works on both APIs (the Backend toolbar; RunInspector.responses.stories.tsx runs them
// all on Responses): a play function reads the story's backend where the two differ.

/** What the emulator writes where its two APIs' outputs differ. */
const emulatorOutput = {
  assistants: {
    /** The seeded statuses thread: completed, failed, cancelled, expired, incomplete. */
    statusesRuns: 5,
    missingThread: /No thread found/,
    codeLogs: /max=1\.00 at x=1\.56/,
    /** Its code_interpreter call also returns an image file. */
    codeImage: true,
    fileName: /run-lifecycle-guide\.md/,
  },
  responses: {
    /** No `expired` on Responses. */
    statusesRuns: 4,
    missingThread: /Conversation with id 'conv_does_not_exist' not found/,
    codeLogs: /max 1\.00 at x = 1\.56/,
    /** Its code_interpreter_call returns logs only. */
    codeImage: false,
    fileName: /run-lifecycle\.md/,
  },
} satisfies Record<BackendGlobal, unknown>;

const outputOf = (context: Parameters<typeof backendOf>[0]) => emulatorOutput[backendOf(context).name];

const assistants = Object.entries(demoIds.assistants).map(([scenario, id]) => ({ id, name: scenario.replace('_', ' ') }));

const meta = {
  title: 'RunInspector',
  component: RunInspector,
  args: { threadId: '', assistants, resolveFileUrl, prices: { 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } } },
  argTypes: { threadId: { control: false } },
  render: (args, context) => <RunInspector {...args} threadId={backendOf(context).threadId} />,
} satisfies Meta<typeof RunInspector>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A story of RunInspector showing one run in `status` (what its plan reaches on the story's backend), asserting the header's live status. */
function statusStory(status: RunStatus): Story {
  return {
    ...withEmulator(statusPlans[status]),
    play: async ({ canvasElement, loaded }) => {
      const reached = statusReached(backendOf({ loaded }).name, status);
      await expectStatus(canvasElement, statusLabels[reached]);
      if (reached === 'requires_action') await expectDeadline(canvasElement, backendOf({ loaded }));
      await expect(within(canvasElement).getByRole('listbox', { name: 'Runs' })).toBeVisible();
    },
  };
}

export const Queued = statusStory('queued');
export const InProgress: Story = {
  ...statusStory('in_progress'),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'In progress');
    await userEvent.click(await canvas.findByRole('button', { name: 'Cancel run' }));
    await expectStatus(canvasElement, statusLabels[statusReached(backendOf({ loaded }).name, 'cancelling')]);
  },
};
export const RequiresAction: Story = {
  ...statusStory('requires_action'),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Needs tool outputs');
    await expect(await canvas.findByRole('button', { name: 'Submit tool outputs' })).toBeEnabled();
    await expectDeadline(canvasElement, backendOf({ loaded }));
  },
};
/**
 * A backend that can do less than the Assistants API (`RunsClient.capabilities`): the inspector
 * says why where the action would be, instead of offering it.
 */
export const LimitedBackend: Story = {
  ...withEmulator({
    ...statusPlans.requires_action,
    capabilities: {
      updateMetadata: { unsupported: 'This backend can’t change metadata after a run starts.' },
      cancel: { unsupported: 'This backend can’t cancel runs.' },
      deadlines: { unsupported: 'No deadline: this run waits for its tool outputs.' },
    },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Needs tool outputs');
    await openUsageAndMetadata(canvasElement);
    await expect(await canvas.findByText('This backend can’t change metadata after a run starts.')).toBeVisible();
    await expect(canvas.getByText('This backend can’t cancel runs.')).toBeVisible();
    await expect(canvas.getByText('No deadline: this run waits for its tool outputs.')).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Edit metadata' })).toBeNull();
    await expect(canvas.queryByRole('timer')).toBeNull();
  },
};
export const Cancelling = statusStory('cancelling');
export const Cancelled = statusStory('cancelled');
export const Failed: Story = {
  ...statusStory('failed'),
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'Failed');
    await expect(await within(canvasElement).findAllByText(/server_error/)).not.toHaveLength(0);
  },
};
export const Completed = statusStory('completed');
export const Incomplete = statusStory('incomplete');
export const Expired = statusStory('expired');

/** The seeded thread with one run per terminal status; picking runs from the list by keyboard. */
export const History: Story = {
  ...withEmulator({ threadId: demoIds.threads.statuses }),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const options = await within(await canvas.findByRole('listbox', { name: 'Runs' })).findAllByRole('option');
    expect(options).toHaveLength(outputOf({ loaded }).statusesRuns);
    await userEvent.click(options[0] as HTMLElement);
    await waitFor(() => expect(options[0]).toHaveAttribute('aria-selected', 'true'));
    await userEvent.keyboard('{End}');
    const listbox = canvas.getByRole('listbox', { name: 'Runs' });
    await waitFor(() => expect(within(listbox).getAllByRole('option').at(-1)).toHaveAttribute('aria-selected', 'true'));
    await expectStatus(canvasElement, 'Completed');
  },
};

export const MessageStep: Story = {
  ...withEmulator({ scenario: 'message' }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Here is a short answer/)).toBeVisible();
  },
};

export const FunctionCallStep: Story = {
  ...withEmulator({ scenario: 'function_call', answer: '{"temperature":18,"unit":"celsius"}' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Completed');
    await expect(await canvas.findAllByText(/get_weather|get_forecast/)).not.toHaveLength(0);
    await expect(await canvas.findAllByText(/"temperature": 18/)).not.toHaveLength(0);
  },
};

export const CodeInterpreterStep: Story = {
  ...withEmulator({ scenario: 'code_interpreter' }),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const output = outputOf({ loaded });
    if (output.codeImage) await expect(await canvas.findByRole('img', { name: /^Output image file-/ })).toBeVisible();
    await expect(await canvas.findAllByText(output.codeLogs)).not.toHaveLength(0);
  },
};

export const FileSearchStep: Story = {
  ...withEmulator({ scenario: 'file_search' }),
  play: async ({ canvasElement, loaded }) => {
    await expect(await within(canvasElement).findAllByText(outputOf({ loaded }).fileName)).not.toHaveLength(0);
  },
};

/** A thread (on Responses, a conversation) that does not exist: the runs pane shows the API's 404 with Retry. */
export const MissingThread: Story = {
  ...withEmulator({ threadId: 'thread_does_not_exist' }),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const { missingThread } = outputOf({ loaded });
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(missingThread);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(missingThread);
  },
};

export const Empty: Story = {
  ...withEmulator({ runs: [] }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No runs on this thread yet')).toBeVisible();
  },
};

/** Requests never answer: loading states. */
export const Loading: Story = {
  ...withEmulator({ threadId: demoIds.threads.history, network: 'hang', loadSteps: false }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading runs…')).toHaveAttribute('aria-busy', 'true');
  },
};

/** The `bulk` scenario: a run of 10 000 completed steps; the step list mounts only what is visible. */
export const TenThousandSteps: Story = {
  ...withEmulator({ scenario: 'bulk', metadata: { 'emulator.steps': '10000' }, loadSteps: false }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Completed');
    const list = await canvas.findByRole('list', { name: 'Run steps' });
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0));
    expect(within(list).getAllByRole('listitem').length).toBeLessThan(100);
  },
};

export const DarkTheme: Story = {
  ...withEmulator(statusPlans.requires_action),
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await expectStatus(canvasElement, 'Needs tool outputs');
    expect(canvasElement.closest('[data-theme]') ?? document.documentElement).toHaveAttribute('data-theme', 'dark');
  },
};

/** Start a run from the assistant picker. */
export const StartRun: Story = {
  ...withEmulator({ runs: [] }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const form = await canvas.findByRole('form', { name: 'Start a new run' });
    await userEvent.selectOptions(within(form).getByLabelText('Assistant'), demoIds.assistants.message);
    await userEvent.click(within(form).getByRole('button', { name: 'Start run' }));
    await expect(await within(await canvas.findByRole('listbox', { name: 'Runs' })).findByRole('option')).toBeVisible();
    await expectStatus(canvasElement, 'Queued');
  },
};

/**
 * Live: the emulator on a system clock at 2× — the run queues, streams its function call, asks for
 * tool outputs; the play function answers and the run completes while you watch.
 */
export const Live: Story = {
  ...withEmulator({ ...statusPlans.requires_action, advanceMs: 0, clock: { speed: 2 } }),
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await expectStatus(canvasElement, 'Needs tool outputs', 15_000);
    const panel = await canvas.findByRole('region', { name: 'Tool outputs' });
    // One output textarea per pending call; its text is sent as it is.
    const outputs = await within(panel).findAllByRole('textbox', { name: /^Output for / });
    for (const output of outputs) await userEvent.type(output, '{{"temperature": 21}');
    await userEvent.click(within(panel).getByRole('button', { name: 'Submit tool outputs' }));
    await expectStatus(canvasElement, 'Completed', 20_000);
    const { client, threadId, run } = backendOf({ loaded });
    const steps = await client.listRunSteps(threadId, run!.id, { order: 'asc' });
    const sent = steps.data
      .flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []))
      .flatMap((call) => (call.type === 'function' ? [call.function.output] : []));
    await expect(sent).toEqual(outputs.map(() => '{"temperature": 21}'));
  },
};

/**
 * Streaming: a run started here comes back as server-sent events (the emulator's SSE through the
 * SDK's `stream: true`). The header shows "Live" while events arrive; the reply's text fills in
 * piece by piece with no polling, then the run completes and the stream closes.
 */
export const Streaming: Story = {
  ...withEmulator({ runs: [], clock: { speed: 1 } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const form = await canvas.findByRole('form', { name: 'Start a new run' });
    await userEvent.selectOptions(within(form).getByLabelText('Assistant'), demoIds.assistants.message);
    await userEvent.click(within(form).getByRole('button', { name: 'Start run' }));
    await expect(await canvas.findByText('Live', {}, { timeout: 5_000 })).toBeVisible();
    const steps = await canvas.findByRole('list', { name: 'Run steps' }, { timeout: 5_000 });
    const lengths: number[] = [];
    await waitFor(
      () => {
        lengths.push(steps.textContent?.length ?? 0);
        expect(canvas.queryByText('Live')).toBeNull();
      },
      { timeout: 10_000, interval: 50 },
    );
    await expectStatus(canvasElement, 'Completed');
    await expect(steps).toHaveTextContent(/Here is a short answer/);
    await expect(new Set(lengths).size).toBeGreaterThan(2); // the text grew while we watched
  },
};

/** Backend strings with HTML in arguments, outputs, code, logs, file names and metadata render as text. */
export const HostileStrings: Story = {
  ...withEmulator({
    runs: [
      { scenario: 'code_interpreter', metadata: { 'emulator.text': hostileText } },
      { scenario: 'file_search', metadata: { 'emulator.text': hostileText } },
      { scenario: 'function_call', metadata: { 'emulator.text': hostileText }, answer: hostileText },
    ],
  }),
  beforeEach: () => {
    const original = window.alert;
    const spy = fn();
    window.alert = spy;
    (window as { __alerts?: typeof spy }).__alerts = spy;
    return () => {
      window.alert = original;
    };
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alerts = (window as unknown as { __alerts: ReturnType<typeof fn> }).__alerts;
    const options = await within(await canvas.findByRole('listbox', { name: 'Runs' })).findAllByRole('option');
    expect(options).toHaveLength(3);
    for (const option of options) {
      await userEvent.click(option);
      await waitFor(() => expect(canvas.getAllByText(new RegExp(hostileText.replace(/[()]/g, '\\$&'))).length).toBeGreaterThan(0));
      expect(canvasElement.querySelectorAll('img[src="x"]')).toHaveLength(0);
    }
    expect(alerts).not.toHaveBeenCalled();
  },
};
