import { act, fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { createRef } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT, type Message, type Run, type RunStep } from '../../src/api/schemas';
import type { ScenarioName } from '../../src/emulator';
import { StepDetailsView } from '../../src/ui/StepDetailsView';
import { assistants, setup, type Harness } from '../react/harness';

// Every step here is the emulator's own output, read through runlens's client over the official SDK
// on 127.0.0.1: one run per scenario, run to its end on the manual clock.

interface EmulatedRun {
  run: Run;
  steps: RunStep[];
  messages: Map<string, Message>;
}

async function emulatedRun(h: Harness, scenario: ScenarioName, answer?: string): Promise<EmulatedRun> {
  const threadId = await h.createThread();
  const created = await h.client.createRun(threadId, { assistant_id: assistants[scenario] });
  h.clock.advance(5_000);
  if (answer !== undefined) {
    const { run: waiting } = await h.client.getRun(threadId, created.id);
    const calls = waiting.required_action?.submit_tool_outputs.tool_calls ?? [];
    await h.client.submitToolOutputs(threadId, created.id, { tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: answer })) });
    h.clock.advance(5_000);
  }
  const { run } = await h.client.getRun(threadId, created.id);
  const page = await h.client.listRunSteps(threadId, run.id, { order: 'asc', limit: 100, include: [RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT] });
  const messages = new Map<string, Message>();
  for (const step of page.data) {
    if (step.step_details.type === 'message_creation') {
      const id = step.step_details.message_creation.message_id;
      messages.set(id, await h.client.getMessage(threadId, id));
    }
  }
  return { run, steps: page.data, messages };
}

const messageOf = (data: EmulatedRun, step: RunStep) =>
  step.step_details.type === 'message_creation' ? data.messages.get(step.step_details.message_creation.message_id) : null;
const stepOfType = (data: EmulatedRun, type: string) => data.steps.find((step) => step.type === type)!;
const pane = (step: RunStep) => screen.getByRole('region', { name: `Step ${step.id}` });
const prices = { 'gpt-4o': { promptPerMillion: 2.5, completionPerMillion: 10 } };

/** axe's structural rules (jsdom has no layout, so no contrast: the stories check that in Chromium). */
async function expectNoAxeViolations(element: HTMLElement) {
  const results = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

describe('StepDetailsView', () => {
  it('shows a message step: title, static status, timing from the run start, tokens, the text and its raw JSON', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'function_call', '{"temperature":18}');
    const step = stepOfType(data, 'message_creation');
    render(<StepDetailsView step={step} message={messageOf(data, step)} runStartMs={data.run.created_at * 1000} model={data.run.model} />);

    const region = pane(step);
    expect(region).toHaveAttribute('data-slot', 'step-details');
    expect(region).toHaveAttribute('data-state', 'completed');
    expect(within(region).getByRole('heading', { level: 3, name: 'Message' })).toBeInTheDocument();
    // The badge is static here: no live region announcing a status that is not changing.
    expect(within(region).queryByRole('status')).toBeNull();
    expect(within(region).getByText('Completed', { selector: '[data-slot="run-status"]' })).toBeInTheDocument();

    const timing = within(region).getByRole('heading', { level: 4, name: 'Timing' }).closest('section')!;
    // The message step starts after the tool call step (5 s of emulator time) and lasts a second.
    expect(within(timing).getByText('Start offset').nextElementSibling).toHaveTextContent(`+${(step.created_at - data.run.created_at)} s`);
    expect(within(timing).getByText('Duration').nextElementSibling).toHaveTextContent(`${step.completed_at! - step.created_at} s`);
    expect(within(timing).getByText('Completed').nextElementSibling!.querySelector('time')).toHaveAttribute(
      'dateTime',
      new Date(step.completed_at! * 1000).toISOString(),
    );

    const tokens = within(region).getByRole('heading', { name: 'Tokens' }).closest('section')!;
    expect(within(tokens).getByText('Total tokens').nextElementSibling).toHaveTextContent(String(step.usage!.total_tokens));
    expect(within(tokens).queryByText('Cost')).toBeNull(); // no prices: no cost

    const message = messageOf(data, step)!;
    const text = message.content[0]!.type === 'text' ? message.content[0]!.text.value : '';
    expect(within(region).getByText(text)).toBeInTheDocument();

    const raw = within(region).getByText('Raw JSON').closest('details')!;
    expect(raw).not.toHaveAttribute('open');
    expect(within(raw).getByRole('figure', { name: 'Step' })).toHaveTextContent(`"id": "${step.id}"`);
    expect(within(raw).getByRole('figure', { name: 'Message' })).toHaveTextContent(`"id": "${message.id}"`);
    await expectNoAxeViolations(region);
  });

  it('prices the step’s tokens only when the prices know the model', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'message');
    const step = data.steps[0]!;
    const { rerender } = render(<StepDetailsView step={step} message={messageOf(data, step)} model={data.run.model} prices={prices} />);
    const cost = (step.usage!.prompt_tokens * 2.5 + step.usage!.completion_tokens * 10) / 1_000_000;
    expect(within(pane(step)).getByText('Cost').nextElementSibling).toHaveTextContent(`$${cost.toFixed(4)}`);

    rerender(<StepDetailsView step={step} message={messageOf(data, step)} model="some-other-model" prices={prices} />);
    expect(within(pane(step)).queryByText('Cost')).toBeNull();
    // No run start: no offset to show.
    expect(within(pane(step)).queryByText('Start offset')).toBeNull();
  });

  it('says when the message is still loading, and when it could not be had', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'message');
    const step = data.steps[0]!;
    const { rerender } = render(<StepDetailsView step={step} message={undefined} />);
    expect(within(pane(step)).getByText('Loading message…').parentElement).toHaveAttribute('aria-busy', 'true');
    rerender(<StepDetailsView step={step} message={null} />);
    expect(within(pane(step)).getByText('Message unavailable')).toBeInTheDocument();
    expect(within(pane(step)).queryByRole('figure', { name: 'Message' })).toBeNull();
  });

  it('shows each function call under its own heading, with its arguments and output as JSON', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'function_call', '{"temperature":18,"unit":"celsius"}');
    const step = stepOfType(data, 'tool_calls');
    render(<StepDetailsView step={step} headingLevel={2} />);
    const region = pane(step);
    expect(within(region).getByRole('heading', { level: 2, name: 'Tool calls: get_weather, get_forecast' })).toBeInTheDocument();

    const calls = step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : [];
    for (const call of calls) {
      if (call.type !== 'function') continue;
      const section = within(region).getByRole('heading', { level: 3, name: `Function ${call.function.name}` }).closest('section')!;
      // Indented JSON: each argument on its own line as `"key": value`.
      const args = within(section).getByRole('figure', { name: 'Arguments' });
      for (const [key, value] of Object.entries(JSON.parse(call.function.arguments) as Record<string, unknown>)) {
        expect(args).toHaveTextContent(`"${key}": ${JSON.stringify(value)}`);
      }
      expect(within(section).getByRole('figure', { name: 'Output' })).toHaveTextContent('{ "temperature": 18, "unit": "celsius" }');
    }
    expect(calls.map((call) => call.type)).toEqual(['function', 'function']);
    await expectNoAxeViolations(region);
  });

  it('shows a call waiting for its output as such', async () => {
    const h = await setup();
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.function_call });
    h.clock.advance(3_000);
    const [step] = (await h.client.listRunSteps(threadId, run.id, { order: 'asc' })).data;
    render(<StepDetailsView step={step!} runStartMs={run.created_at * 1000} />);
    const region = pane(step!);
    expect(within(region).getAllByRole('figure', { name: 'Output' })[0]).toHaveTextContent('No output yet');
    expect(within(region).getByText('Duration').nextElementSibling).toHaveTextContent('Still running');
    expect(within(region).getByText('Ended').nextElementSibling).toHaveTextContent('—');
    expect(within(region).getByText('Total tokens').nextElementSibling).toHaveTextContent('—');
  });

  it('shows a code interpreter call: code, logs and the image through resolveFileUrl', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'code_interpreter');
    const step = stepOfType(data, 'tool_calls');
    const call = step.step_details.type === 'tool_calls' ? step.step_details.tool_calls[0]! : null;
    const fileId = call?.type === 'code_interpreter' && call.code_interpreter.outputs[1]?.type === 'image' ? call.code_interpreter.outputs[1].image.file_id : '';
    const { rerender } = render(<StepDetailsView step={step} resolveFileUrl={(id) => `https://files.example/${id}.png`} />);
    const region = pane(step);
    expect(within(region).getByRole('heading', { name: 'Tool calls: code_interpreter' })).toBeInTheDocument();
    const section = within(region).getByRole('heading', { name: 'Code interpreter' }).closest('section')!;
    expect(within(section).getByRole('figure', { name: 'Code' })).toHaveTextContent("plt.savefig('/mnt/data/sin.png')");
    expect(within(section).getByRole('figure', { name: 'Logs' })).toHaveTextContent('max=1.00 at x=1.56');
    expect(within(within(section).getByRole('figure', { name: 'Image' })).getByRole('img', { name: `Output image ${fileId}` })).toHaveAttribute(
      'src',
      `https://files.example/${fileId}.png`,
    );
    await expectNoAxeViolations(region);

    rerender(<StepDetailsView step={step} />);
    expect(within(pane(step)).queryByRole('img')).toBeNull();
    expect(within(pane(step)).getByRole('figure', { name: 'Image' })).toHaveTextContent(`Output image ${fileId}`);
  });

  it('shows a file search call: each result’s file name, score and chunk text', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'file_search');
    const step = stepOfType(data, 'tool_calls');
    render(<StepDetailsView step={step} />);
    const results = within(pane(step)).getByRole('list', { name: 'File search results' });
    const [first] = within(results).getAllByRole('listitem');
    expect(within(first!).getByText('run-lifecycle-guide.md')).toBeInTheDocument();
    expect(within(first!).getByText('0.91')).toBeInTheDocument();
    expect(within(first!).getByText(/A run starts queued/)).toBeInTheDocument();
  });

  it('shows a failed step’s error first, in a block named "Error", and when it failed', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'fail');
    const step = data.steps[0]!;
    render(<StepDetailsView step={step} message={messageOf(data, step)} runStartMs={data.run.created_at * 1000} />);
    const region = pane(step);
    const error = within(region).getByRole('group', { name: 'Error' });
    expect(error).toHaveTextContent('server_error: Sorry, something went wrong.');
    // Static content, not an alert: it is there when the pane opens, nothing to interrupt with.
    expect(within(region).queryByRole('alert')).toBeNull();
    expect(error.compareDocumentPosition(within(region).getByRole('heading', { name: 'Timing' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(region).getByText('Failed', { selector: 'dt' }).nextElementSibling!.querySelector('time')).toHaveAttribute(
      'dateTime',
      new Date(step.failed_at! * 1000).toISOString(),
    );
    expect(region).toHaveAttribute('data-state', 'failed');
    await expectNoAxeViolations(region);
  });

  it('shows the Responses backend’s steps too: a failed step without an end stamp, per-step usage it does not report', async () => {
    const h = await setup({ backend: 'responses' });
    const data = await emulatedRun(h, 'fail');
    const step = data.steps[0]!;
    render(<StepDetailsView step={step} message={messageOf(data, step)} runStartMs={data.run.created_at * 1000} model={data.run.model} prices={prices} />);
    const region = pane(step);
    expect(within(region).getByRole('group', { name: 'Error' })).toHaveTextContent('server_error: Sorry, something went wrong.');
    // The Responses API stamps no failed_at on the item: no end and no duration, rather than a guess.
    expect(within(region).getByText('Ended').nextElementSibling).toHaveTextContent('—');
    expect(within(region).getByText('Duration').nextElementSibling).toHaveTextContent('—');
    expect(within(region).getByText('Cost').nextElementSibling).toHaveTextContent('—');
    await expectNoAxeViolations(region);
  });

  it('counts the search matches on screen, case-insensitively, and again as the text or the query changes', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'function_call', '{"temperature":18}');
    const step = stepOfType(data, 'tool_calls');
    const { rerender } = render(<StepDetailsView step={step} highlight="TEMPERATURE" />);
    const region = pane(step);
    // The two outputs; the raw JSON holding them too is folded away.
    expect(region).toHaveAttribute('data-match-count', '2');

    // Opening the raw JSON shows two more (the step's JSON carries both outputs as strings).
    const raw = within(region).getByText('Raw JSON').closest('details')!;
    await act(async () => {
      raw.open = true;
    });
    expect(region).toHaveAttribute('data-match-count', '4');

    rerender(<StepDetailsView step={step} highlight="get_" />);
    // Title (2 names), the two headings, and the step JSON's two names.
    expect(region).toHaveAttribute('data-match-count', '6');
    rerender(<StepDetailsView step={step} highlight="   " />);
    expect(region).not.toHaveAttribute('data-match-count');
    rerender(<StepDetailsView step={step} highlight="nowhere to be found" />);
    expect(region).toHaveAttribute('data-match-count', '0');
  });

  it('hydrates what the server rendered without a mismatch, then counts the matches', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'code_interpreter');
    const step = stepOfType(data, 'tool_calls');
    const ui = <StepDetailsView step={step} highlight="np." runStartMs={data.run.created_at * 1000} />;
    const container = document.createElement('div');
    container.innerHTML = renderToString(ui);
    document.body.append(container);
    const recoverable: unknown[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const root = await act(async () => hydrateRoot(container, ui, { onRecoverableError: (error) => recoverable.push(error) }));
    try {
      expect(recoverable).toEqual([]);
      expect(consoleError).not.toHaveBeenCalled();
      // "np." in the code: np.linspace, np.sin (and `import numpy as np` has no dot after it).
      expect(pane(step)).toHaveAttribute('data-match-count', '2');
    } finally {
      consoleError.mockRestore();
      act(() => root.unmount());
      container.remove();
    }
  });

  it('is a styled wrapper: forwards the ref, merges className, spreads props, and has an empty state', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'message');
    const step = data.steps[0]!;
    const ref = createRef<HTMLDivElement>();
    const onKeyDown = (event: React.KeyboardEvent) => event.currentTarget.setAttribute('data-pressed', event.key);
    render(
      <>
        <StepDetailsView ref={ref} step={step} message={null} className="mine" title="step pane" onKeyDown={onKeyDown} actions={<button type="button">Copy step JSON</button>} />
        <StepDetailsView.Empty />
      </>,
    );
    const region = pane(step);
    expect(ref.current).toBe(region);
    expect(region.className).toBe('rl-step-details mine');
    expect(region).toHaveAttribute('title', 'step pane');
    fireEvent.keyDown(region, { key: 'j' });
    expect(region).toHaveAttribute('data-pressed', 'j');
    expect(within(region).getByRole('button', { name: 'Copy step JSON' })).toBeInTheDocument();
    expect(screen.getByText('Select a step to see its details').closest('[data-slot]')).toHaveAttribute('data-slot', 'step-details-empty');
  });

  it('renders on the server: no window or CSS at render, times in UTC, no match count until mounted', async () => {
    const h = await setup();
    const data = await emulatedRun(h, 'code_interpreter');
    const step = stepOfType(data, 'tool_calls');
    const html = renderToString(<StepDetailsView step={step} highlight="plt" runStartMs={data.run.created_at * 1000} resolveFileUrl={(id) => `/files/${id}`} />);
    expect(html).toContain('role="region"');
    expect(html).toContain(`aria-label="Step ${step.id}"`);
    expect(html).toContain('Code interpreter');
    expect(html).toContain(' UTC</time>');
    expect(html).not.toContain('data-match-count');
    expect(renderToString(<StepDetailsView.Empty />)).toContain('Select a step to see its details');
  });
});
