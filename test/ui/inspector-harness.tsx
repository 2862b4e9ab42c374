import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RunInspector, type RunInspectorProps } from '../../src/ui';
import { assistants, setup, sleep, type Harness } from '../react/harness';

export { assistants, setup, sleep, type Harness };

/** The picker's choices: the demo assistants the tests start runs with. */
export const pickerAssistants = [
  { id: assistants.message, name: 'Concise helper' },
  { id: assistants.function_call, name: 'Weather bot' },
  { id: assistants.slow, name: 'Slow thinker' },
];

/** Renders the inspector inside the harness's providers (real emulator over HTTP). */
export function renderInspector(h: Harness, props: RunInspectorProps) {
  const user = userEvent.setup();
  const view = render(<RunInspector assistants={pickerAssistants} {...props} />, { wrapper: h.wrapper });
  return { user, ...view };
}

/** The selected run's panel (a region named "Run <id>"). */
export const runPanel = (runId: string | RegExp) =>
  screen.findByRole('region', { name: typeof runId === 'string' ? `Run ${runId}` : runId });

/** The header badge (the one live status) of the selected run. */
export const headerStatus = async (panel: HTMLElement) => (await within(panel).findAllByRole('status'))[0]!;

/** Moves emulator time forward and lets polls come back. */
export async function advance(h: Harness, ms: number) {
  await act(async () => {
    h.clock.advance(ms);
    await sleep(30);
  });
}
