import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { capabilitiesOf, whyUnsupported } from '../src/core';
import type { RunInspector } from '../src/ui';
import * as inspector from './RunInspector.stories';
import { backendOf, openUsageAndMetadata } from './support';

// Every RunInspector story again on the Responses API (`globals: { backend: 'responses' }`, what the
// Backend toolbar sets): the same story, data built through createResponsesRunsClient on a new
// conversation (or a seeded one), and its own play function, which reads the backend where the two
// differ. Stories that show a run also check what Responses does differently by design.

const meta = {
  ...inspector.default,
  title: 'RunInspector on Responses',
} satisfies Meta<typeof RunInspector>;
export default meta;
type Story = StoryObj<typeof meta>;
type Context = StoryContext<(typeof meta)['args']>;

/**
 * The shown run as the Responses API has it: its id is its first response's (`resp_…`); its
 * metadata can't be changed after it starts, so the reason is shown where "Edit metadata" would be;
 * and it has no deadline, so no timer (a run waiting for tool outputs shows the reason instead,
 * which its story's own play function checks through `expectDeadline`).
 */
async function expectResponsesRun({ canvasElement, loaded }: Context): Promise<void> {
  const canvas = within(canvasElement);
  const backend = backendOf({ loaded });
  await expect(backend.name).toBe('responses');
  await expect(await canvas.findByRole('heading', { level: 2, name: /^resp_/ })).toBeVisible();
  const readOnly = whyUnsupported(capabilitiesOf(backend.client).updateMetadata);
  await expect(readOnly).not.toBeNull();
  await openUsageAndMetadata(canvasElement);
  await expect(await canvas.findByText(readOnly!)).toBeVisible();
  await expect(canvas.queryByRole('button', { name: 'Edit metadata' })).toBeNull();
  await expect(canvas.queryByRole('timer')).toBeNull();
}

/** `story` on Responses: its play function, then `extra` (the Responses run checks unless the story shows no run). */
function onResponses(story: Story, extra: ((context: Context) => Promise<void>) | null = expectResponsesRun): Story {
  return {
    ...story,
    globals: { ...story.globals, backend: 'responses' },
    play: async (context) => {
      await story.play?.(context);
      await extra?.(context as Context);
    },
  };
}

export const Queued = onResponses(inspector.Queued);
export const InProgress = onResponses(inspector.InProgress);
export const RequiresAction = onResponses(inspector.RequiresAction);
export const LimitedBackend = onResponses(inspector.LimitedBackend);
export const Cancelling = onResponses(inspector.Cancelling);
export const Cancelled = onResponses(inspector.Cancelled);
export const Failed = onResponses(inspector.Failed);
export const Completed = onResponses(inspector.Completed);
export const Incomplete = onResponses(inspector.Incomplete);
export const Expired = onResponses(inspector.Expired);
export const History = onResponses(inspector.History);
export const MessageStep = onResponses(inspector.MessageStep);
export const FunctionCallStep = onResponses(inspector.FunctionCallStep);
export const CodeInterpreterStep = onResponses(inspector.CodeInterpreterStep);
export const FileSearchStep = onResponses(inspector.FileSearchStep);
// No run to show: the thread is missing, empty or never loads.
export const MissingThread = onResponses(inspector.MissingThread, null);
export const Empty = onResponses(inspector.Empty, null);
export const Loading = onResponses(inspector.Loading, null);
export const TenThousandSteps = onResponses(inspector.TenThousandSteps);
export const DarkTheme = onResponses(inspector.DarkTheme);
export const StartRun = onResponses(inspector.StartRun);
export const Live = onResponses(inspector.Live);
export const Streaming = onResponses(inspector.Streaming);
export const HostileStrings = onResponses(inspector.HostileStrings);
