import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { StoryContext } from '@storybook/react-vite';
import { capabilitiesOf, whyUnsupported } from '../../src/core';
import type { EmulatorParameters, RunPlan, StoryBackend } from './backend';

export { emulatorBaseURL, type EmulatorParameters, type RunPlan, type StoryBackend } from './backend';
export { resolveFileUrl } from './files';
export { backendGlobalOf, backendGlobalType, defaultBackend, type BackendGlobal } from './backend-switch';
export { applyFaults, faultPresetTitle, faultsGlobalOf, faultsGlobalType, noFaults, type FaultsGlobal } from './faults';
export { statusLabels, statusPlans, statusReached, stepPlans } from './plans';

/**
 * Story annotations that give a story its emulator data: spread into a story object.
 * @example
 * export const WaitingForOutputs: Story = { ...withEmulator({ scenario: 'function_call', advanceMs: 2_000 }) };
 * export const Statuses: Story = { ...withEmulator({ threadId: demoIds.threads.statuses }) };
 */
export function withEmulator(plan: (RunPlan & Omit<EmulatorParameters, 'runs'>) | EmulatorParameters): { parameters: { emulator: EmulatorParameters } } {
  if ('scenario' in plan) {
    const { clock, threadId, network, loadSteps, capabilities, ...run } = plan;
    return { parameters: { emulator: { clock, threadId, network, loadSteps, capabilities, runs: [run] } } };
  }
  return { parameters: { emulator: plan } };
}

/** The story's backend, built by the preview's loader. */
export const backendOf = (context: Pick<StoryContext, 'loaded'>): StoryBackend => context.loaded.backend as StoryBackend;

/** The story's run (the last planned one, or the newest on its thread). */
export function runOf(context: Pick<StoryContext, 'loaded'>): NonNullable<StoryBackend['run']> {
  const { run } = backendOf(context);
  if (!run) throw new Error('This story has no run: give it one with withEmulator({ scenario })');
  return run;
}

/** `emulator.text` value used by the hostile-strings stories. */
export const hostileText = '<img src=x onerror=alert(1)>';

/** Waits until a `role="status"` in `root` reads `label` (a RunStatus badge). */
export async function expectStatus(root: HTMLElement, label: string, timeout = 10_000): Promise<void> {
  await waitFor(() => expect(within(root).getAllByRole('status').map((el) => el.textContent)).toContain(label), { timeout });
}

/**
 * The header of a run waiting for tool outputs: its deadline as a timer, or, on a backend without
 * deadlines (`capabilities.deadlines`, e.g. the Responses API), the backend's reason and no timer.
 */
export async function expectDeadline(root: HTMLElement, backend: StoryBackend): Promise<void> {
  const canvas = within(root);
  const noDeadline = whyUnsupported(capabilitiesOf(backend.client).deadlines);
  if (!noDeadline) {
    await expect(await canvas.findByRole('timer')).toHaveTextContent(/left/);
    return;
  }
  await expect(await canvas.findByText(noDeadline)).toBeVisible();
  await expect(canvas.queryByRole('timer')).toBeNull();
}

/** Opens the header's "Usage and metadata" disclosure (the usage table, timings and metadata sit behind it). */
export async function openUsageAndMetadata(root: HTMLElement): Promise<void> {
  const summary = await within(root).findByText('Usage and metadata');
  if (!summary.closest('details')?.open) await userEvent.click(summary);
}
