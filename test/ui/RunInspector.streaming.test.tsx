import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { backends } from '../react/harness';
import { advance, headerStatus, renderInspector, runPanel, setup, type Harness } from './inspector-harness';

// RunInspector streams by default: runs it starts and outputs it submits come back as SSE, and
// the header, steps and message text follow the events with no polling while the stream is open.


/** Moves emulator time in small steps, recording `read()` after each, until `done()`. */
async function watch(h: Harness, read: () => string, done: () => boolean): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 80 && !done(); i++) {
    await advance(h, 100);
    seen.push(read());
  }
  return seen;
}

async function startRun(h: Harness, assistantName: string) {
  const threadId = await h.createThread();
  const { user } = renderInspector(h, { threadId });
  await user.selectOptions(await screen.findByRole('combobox', { name: 'Assistant' }), assistantName);
  await user.click(screen.getByRole('button', { name: 'Start run' }));
  const panel = await runPanel(/^Run (run|resp)_/);
  const runId = panel.getAttribute('aria-label')!.replace('Run ', '');
  return { panel, runId, user };
}

describe.each(backends)('RunInspector streams (%s)', (backend) => {
  it('shows message text appearing live from the stream, with no polling of the run until it ends', async () => {
    const h = await setup({ backend });
    const { panel, runId } = await startRun(h, 'Concise helper');
    expect(await within(panel).findByText('Live')).toBeInTheDocument();
    // The panel's first loads (on Responses, the steps list is read from the response itself) land first.
    await waitFor(() => expect(h.queryClient.isFetching()).toBe(0));
    const mark = h.mark();

    const steps = () => within(panel).queryByRole('list', { name: 'Run steps' })?.textContent ?? '';
    const texts = await watch(h, steps, () => within(panel).queryByText('Live') === null);
    expect(await headerStatus(panel)).toHaveTextContent('Completed');
    expect(h.runPolls(runId, mark)).toBe(0); // the stream fed the run, its steps and the message
    const growing = texts.filter((text, i) => text.length > (texts[i - 1]?.length ?? 0) && /short answer/.test(text));
    expect(growing.length).toBeGreaterThanOrEqual(3); // the reply arrived in pieces, and each showed
    expect(steps()).toMatch(/Here is a short answer/);
  });

  it('shows tool-call arguments growing live, then asks for outputs; answering streams the rest', async () => {
    const h = await setup({ backend });
    const { panel, runId, user } = await startRun(h, 'Weather bot');
    const steps = () => within(panel).queryByRole('list', { name: 'Run steps' })?.textContent ?? '';
    const seen = await watch(h, steps, () => within(panel).queryByRole('button', { name: 'Submit tool outputs' }) !== null);
    const argumentStates = new Set(seen.filter((text) => /get_weather|get_forecast/.test(text)));
    expect(argumentStates.size).toBeGreaterThanOrEqual(3); // arguments arrived piece by piece
    expect(await headerStatus(panel)).toHaveTextContent('Needs tool outputs');

    for (const box of within(panel).queryAllByRole('textbox')) {
      if (!(box as HTMLInputElement).readOnly && !(box as HTMLInputElement).value) await user.type(box, 'Paris');
    }
    for (const num of within(panel).queryAllByRole('spinbutton')) if (!(num as HTMLInputElement).value) await user.type(num, '3');
    await user.click(within(panel).getByRole('button', { name: 'Submit tool outputs' }));
    await waitFor(() => expect(within(panel).getByText('Live')).toBeInTheDocument());
    const mark = h.mark();
    await watch(h, steps, () => within(panel).queryByText('Live') === null);
    expect(await headerStatus(panel)).toHaveTextContent('Completed');
    expect(h.runPolls(runId, mark)).toBe(0);
  });
});
