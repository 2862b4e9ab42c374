import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { demoIds, type FaultPresetName } from '../src/emulator';
import { RunInspector } from '../src/ui';
import { backendOf, expectStatus, resolveFileUrl, withEmulator, type FaultsGlobal } from './support';

// RunInspector while the emulator injects faults: each story pins one preset of the Faults toolbar
// (`globals: { faults }`; the preview's decorator hands it to the story's emulator once the loader
// has built the story's data, so the seeded thread itself loads cleanly). Fault profiles are seeded,
// so each story sees the same faults every time; the play functions still only assert states that
// hold whatever the draws: a list that loads (pressing Retry as a person would), an error with Retry,
// a started run's header. Any other story can be watched under faults with the toolbar.

const assistants = Object.entries(demoIds.assistants).map(([scenario, id]) => ({ id, name: scenario.replace('_', ' ') }));

const meta = {
  title: 'RunInspector under faults',
  component: RunInspector,
  args: { threadId: '', assistants, resolveFileUrl, prices: { 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } } },
  argTypes: { threadId: { control: false } },
  render: (args, context) => <RunInspector {...args} threadId={backendOf(context).threadId} />,
  // The seeded thread with one run per terminal status: nothing polls, so the requests (and the
  // faults drawn for them) come in the same order every time. A manual clock: the runs stay put,
  // and fault latency plays out in wall time (stories/support/backend.ts).
  ...withEmulator({ threadId: demoIds.threads.statuses, loadSteps: false }),
} satisfies Meta<typeof RunInspector>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A story under one fault preset, as if picked in the Faults toolbar (a story-level global pins it there). */
function under(preset: FaultPresetName, story: Omit<Story, 'globals'> = {}): Story {
  const faults: FaultsGlobal = preset;
  return { ...story, globals: { faults } };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The runs pane's error ("Could not load runs: …"), if it shows one. */
const runsError = (canvasElement: HTMLElement): HTMLElement | undefined =>
  within(canvasElement)
    .queryAllByRole('alert')
    .find((alert) => alert.textContent?.startsWith('Could not load runs'));

/**
 * Waits for the runs listbox, pressing the runs pane's Retry whenever its error shows (as a person
 * would; the SDK here does not retry, `maxRetries: 0`). A second press waits a second, so a retry
 * still under way is not cancelled by the next one.
 */
async function runsListed(canvasElement: HTMLElement, timeout = 20_000): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  for (const deadline = Date.now() + timeout; Date.now() < deadline; ) {
    const listbox = canvas.queryByRole('listbox', { name: 'Runs' });
    if (listbox) return listbox;
    const alert = runsError(canvasElement);
    if (alert) {
      await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
      await sleep(1_000);
    } else {
      await sleep(50);
    }
  }
  return canvas.getByRole('listbox', { name: 'Runs' });
}

/** Starts a `message` run from the form (streamed: RunInspector's default) and waits for its header. */
async function startStreamedRun(canvasElement: HTMLElement): Promise<HTMLElement> {
  const canvas = within(canvasElement);
  const listbox = await runsListed(canvasElement);
  await expect(within(listbox).getAllByRole('option')).toHaveLength(5);
  const form = canvas.getByRole('form', { name: 'Start a new run' });
  await userEvent.selectOptions(within(form).getByLabelText('Assistant'), demoIds.assistants.message);
  await userEvent.click(within(form).getByRole('button', { name: 'Start run' }));
  // The new run is listed first and selected; its details open with its id as their heading.
  await waitFor(() => expect(within(listbox).getAllByRole('option')).toHaveLength(6), { timeout: 10_000 });
  const [created] = within(listbox).getAllByRole('option');
  await waitFor(() => expect(created).toHaveAttribute('aria-selected', 'true'));
  const heading = await canvas.findByRole('heading', { level: 2, name: /^run_/ }, { timeout: 10_000 });
  await expect(heading.textContent).not.toMatch(/^run_demo_/);
  return canvas.getByRole('region', { name: `Run ${heading.textContent}` });
}

/** 5 % latency, 8 % 503, 4 % 429, 3 % lost answers, 3 % truncated JSON: the runs list still loads (with a Retry or two). */
export const Flaky: Story = under('flaky', {
  play: async ({ canvasElement }) => {
    const listbox = await runsListed(canvasElement);
    await expect(within(listbox).getAllByRole('option')).toHaveLength(5);
  },
});

/** Every request answers 503: the runs pane shows the error with Retry, and Retry fails again while the outage lasts. */
export const Outage: Story = under('outage', {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/^Could not load runs: /);
    const faulted = backendOf({ loaded }).emulator.faults.log.length;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(backendOf({ loaded }).emulator.faults.log.length).toBeGreaterThan(faulted));
    await expect(await canvas.findByRole('alert')).toHaveTextContent(/^Could not load runs: /);
    await expect(canvas.queryByRole('listbox', { name: 'Runs' })).toBeNull();
  },
});

/** The outage ends (`emulator.faults.set(null)`, what "No faults" in the toolbar does): Retry loads the runs. */
export const OutageEnds: Story = under('outage', {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(/^Could not load runs: /);
    backendOf({ loaded }).emulator.faults.set(null);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    const listbox = await canvas.findByRole('listbox', { name: 'Runs' });
    await expect(within(listbox).getAllByRole('option')).toHaveLength(5);
    await expectStatus(canvasElement, 'Incomplete');
  },
});

/** Every answer 1–3 s late, then 256 bytes per 100 ms: loading states first, then the runs and the newest run's header. */
export const Slow: Story = under('slow', {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Loading runs…')).toHaveAttribute('aria-busy', 'true');
    const listbox = await canvas.findByRole('listbox', { name: 'Runs' }, { timeout: 20_000 });
    await expect(within(listbox).getAllByRole('option')).toHaveLength(5);
    await expect(await canvas.findByRole('heading', { level: 2, name: demoIds.runs.incomplete }, { timeout: 20_000 })).toBeVisible();
  },
});

/**
 * Every SSE stream goes silent after 3 events: a run started here (streamed) is still listed,
 * selected and shown with its header and a status, however far its stream got.
 */
export const StallingStreams: Story = under('stalling-streams', {
  ...withEmulator({ threadId: demoIds.threads.statuses, loadSteps: false, clock: { speed: 1 } }),
  play: async ({ canvasElement }) => {
    const details = await startStreamedRun(canvasElement);
    await expect(within(details).getAllByRole('status')[0]).toBeVisible();
  },
});

/**
 * Every SSE stream drops in the middle of its 4th event: a run started here is listed, selected and
 * shown with its header; once its stream is gone the inspector reads the run again, and it completes.
 */
export const BrokenStreams: Story = under('broken-streams', {
  ...withEmulator({ threadId: demoIds.threads.statuses, loadSteps: false, clock: { speed: 1 } }),
  play: async ({ canvasElement }) => {
    const details = await startStreamedRun(canvasElement);
    await expect(within(details).getAllByRole('status')[0]).toBeVisible();
    await expectStatus(details, 'Completed', 20_000);
  },
});

/** 5 % answers of the wrong shape, 2 % not JSON: runlens's schema checks turn them into errors with Retry; the runs load. */
export const BadPayloads: Story = under('bad-payloads', {
  play: async ({ canvasElement }) => {
    const listbox = await runsListed(canvasElement);
    await expect(within(listbox).getAllByRole('option')).toHaveLength(5);
  },
});
