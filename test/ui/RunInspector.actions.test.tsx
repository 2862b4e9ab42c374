import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoIds } from '../../src/emulator';
import { advance, assistants, headerStatus, renderInspector, runPanel, setup } from './inspector-harness';

const runOptions = () => within(screen.getByRole('listbox', { name: 'Runs' })).getAllByRole('option');
const newestOption = () => runOptions()[0]!;

describe('RunInspector: acting on runs', () => {
  it('starts a run with the assistant picker: it appears at the top, selected, and progresses', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.statuses });
    await screen.findByRole('listbox', { name: 'Runs' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Assistant' }), 'Concise helper');
    await user.click(screen.getByRole('button', { name: 'Start run' }));

    await waitFor(() => expect(newestOption()).not.toHaveTextContent(demoIds.runs.incomplete));
    const [newest] = (await h.client.listRuns(demoIds.threads.statuses, { limit: 1 })).data;
    const runId = newest!.id;
    expect(newest!.assistant_id).toBe(assistants.message);
    expect(newestOption()).toHaveTextContent(runId);
    expect(newestOption()).toHaveAttribute('aria-selected', 'true');
    expect(runOptions()).toHaveLength(6);
    const panel = await runPanel(runId);
    expect(await headerStatus(panel)).toHaveTextContent(/Queued|In progress/);
    await advance(h, 10_000);
    await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Completed'));
    expect(newestOption()).toHaveTextContent('Completed');
    expect(await within(panel).findByText(/Here is a short answer/)).toBeInTheDocument();
  });

  it('answers tool calls through the form: one output per call, and the emulator receives exactly what was typed', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.requiresAction });
    const panel = await runPanel(demoIds.runs.requiresAction);
    expect(await headerStatus(panel)).toHaveTextContent('Needs tool outputs');
    expect(within(panel).getByRole('timer')).toHaveTextContent(/left/);

    const submit = await within(panel).findByRole('button', { name: 'Submit tool outputs' });
    const waiting = await h.client.getRun(demoIds.threads.requiresAction, demoIds.runs.requiresAction);
    const pending = waiting.run.required_action!.submit_tool_outputs.tool_calls;
    expect(pending.length).toBeGreaterThanOrEqual(2);
    // One output textarea per pending call, in order; nothing built from the tools' parameters.
    const outputs = within(panel).getAllByRole('textbox', { name: /^Output for / });
    expect(outputs.map((box) => box.getAttribute('name'))).toEqual(pending.map((call) => `${call.id}.output`));
    for (const [index, call] of pending.entries()) {
      expect(outputs[index]).toHaveAccessibleName(`Output for ${call.type === 'function' ? call.function.name : call.original_type}`);
    }
    expect(within(panel).queryByRole('spinbutton')).toBeNull();
    expect(within(panel).queryByRole('textbox', { name: /^(location|days|unit)$/ })).toBeNull();
    // Typed key by key (`{{` is a literal brace) while the run is polled: slower than the default 5 s allows.
    for (const box of outputs) await user.type(box, '{{"temperature": 21}');
    await user.click(submit);

    await waitFor(async () => expect(await headerStatus(panel)).not.toHaveTextContent('Needs tool outputs'));
    expect(within(panel).queryByRole('button', { name: 'Submit tool outputs' })).toBeNull();
    await advance(h, 10_000);
    await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Completed'));
    const run = await h.client.getRun(demoIds.threads.requiresAction, demoIds.runs.requiresAction);
    expect(run.run.status).toBe('completed');
    // The run's steps, read back from the emulator: each function call holds the typed output.
    const steps = await h.client.listRunSteps(demoIds.threads.requiresAction, demoIds.runs.requiresAction, { order: 'asc' });
    const answered = steps.data
      .flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []))
      .flatMap((call) => (call.type === 'function' ? [{ id: call.id, output: call.function.output }] : []));
    expect(answered).toEqual(pending.map((call) => ({ id: call.id, output: '{"temperature": 21}' })));
  }, 20_000);

  it('with outputSchemas, answers through fields and sends their values as JSON', async () => {
    const h = await setup();
    const temperature = { type: 'object', properties: { temperature: { type: 'number', title: 'Temperature' } }, required: ['temperature'] };
    const { user } = renderInspector(h, { threadId: demoIds.threads.requiresAction, outputSchemas: { get_weather: temperature } });
    const panel = await runPanel(demoIds.runs.requiresAction);
    const pending = (await h.client.getRun(demoIds.threads.requiresAction, demoIds.runs.requiresAction)).run.required_action!.submit_tool_outputs.tool_calls;
    const name = (call: (typeof pending)[number]) => (call.type === 'function' ? call.function.name : call.original_type);
    const weatherCalls = pending.filter((call) => name(call) === 'get_weather');
    const fields = await within(panel).findAllByRole('spinbutton', { name: 'Temperature' });
    expect(fields).toHaveLength(weatherCalls.length);
    for (const field of fields) await user.type(field, '21');
    // Functions without an output schema keep their text output.
    const texts = within(panel).queryAllByRole('textbox', { name: /^Output for / });
    expect(texts).toHaveLength(pending.length - weatherCalls.length);
    for (const box of texts) await user.type(box, 'done');
    await user.click(within(panel).getByRole('button', { name: 'Submit tool outputs' }));
    await waitFor(async () => expect(await headerStatus(panel)).not.toHaveTextContent('Needs tool outputs'));
    const steps = await h.client.listRunSteps(demoIds.threads.requiresAction, demoIds.runs.requiresAction, { order: 'asc' });
    const outputs = steps.data
      .flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []))
      .flatMap((call) => (call.type === 'function' ? [call.function.output] : []));
    expect(outputs).toEqual(pending.map((call) => (name(call) === 'get_weather' ? '{"temperature":21}' : 'done')));
  }, 20_000);

  it('cancels a slow run: Cancelling, then Cancelled, and the button goes away', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.inProgress });
    const panel = await runPanel(demoIds.runs.inProgress);
    expect(await headerStatus(panel)).toHaveTextContent('In progress');
    await user.click(within(panel).getByRole('button', { name: 'Cancel run' }));
    await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Cancelling'));
    expect(within(panel).getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
    await advance(h, 2_000);
    await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Cancelled'));
    expect(within(panel).queryByRole('button', { name: /Cancel/ })).toBeNull();
  });

  it('offers "Cancel it and retry" when the thread already has an active run', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.inProgress });
    await runPanel(demoIds.runs.inProgress);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Assistant' }), 'Concise helper');
    await user.click(screen.getByRole('button', { name: 'Start run' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(`already has an active run ${demoIds.runs.inProgress}`);

    await user.click(within(alert).getByRole('button', { name: 'Cancel it and retry' }));
    for (let i = 0; i < 40 && newestOption().textContent?.includes(demoIds.runs.inProgress); i++) await advance(h, 500);
    expect(runOptions()).toHaveLength(2);
    expect(runOptions()[1]).toHaveTextContent('Cancelled');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('edits metadata, and shows the pre-send check’s error for a key that is too long', async () => {
    const h = await setup();
    const { user } = renderInspector(h, { threadId: demoIds.threads.statuses, defaultRunId: demoIds.runs.completed });
    const panel = await runPanel(demoIds.runs.completed);
    await user.click(await within(panel).findByRole('button', { name: 'Edit metadata' }));
    await user.clear(within(panel).getByRole('textbox', { name: 'Key 1' }));
    await user.type(within(panel).getByRole('textbox', { name: 'Key 1' }), 'x'.repeat(65));
    await user.type(within(panel).getByRole('textbox', { name: 'Value 1' }), 'too long');
    const posts = h.emulator.requests.filter((r) => r.method === 'POST').length;
    await user.click(within(panel).getByRole('button', { name: 'Save metadata' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent(/Metadata not saved: .*65 characters long; keys may have at most 64/);
    expect(h.emulator.requests.filter((r) => r.method === 'POST').length).toBe(posts);

    await user.clear(within(panel).getByRole('textbox', { name: 'Key 1' }));
    await user.type(within(panel).getByRole('textbox', { name: 'Key 1' }), 'label');
    await user.clear(within(panel).getByRole('textbox', { name: 'Value 1' }));
    await user.type(within(panel).getByRole('textbox', { name: 'Value 1' }), 'reviewed');
    await user.click(within(panel).getByRole('button', { name: 'Save metadata' }));
    await waitFor(() => expect(within(panel).getByRole('button', { name: 'Edit metadata' })).toBeInTheDocument());
    expect(within(panel).getByText('label')).toBeInTheDocument();
    expect(within(panel).getByText('reviewed')).toBeInTheDocument();
    const run = await h.client.getRun(demoIds.threads.statuses, demoIds.runs.completed);
    expect(run.run.metadata).toEqual({ label: 'reviewed' });
  });
});
