import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { backends, demoOn } from '../react/harness';
import { advance, assistants, headerStatus, renderInspector, runPanel, setup } from './inspector-harness';

const runOptions = () => within(screen.getByRole('listbox', { name: 'Runs' })).getAllByRole('option');
const newestOption = () => runOptions()[0]!;

describe.each(backends)('RunInspector: acting on runs (%s)', (backend) => {
  const { threads, runs } = demoOn(backend);

  it('starts a run with the assistant picker: it appears at the top, selected, and progresses', async () => {
    const h = await setup({ backend });
    const { user } = renderInspector(h, { threadId: threads.statuses });
    await screen.findByRole('listbox', { name: 'Runs' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Assistant' }), 'Concise helper');
    await user.click(screen.getByRole('button', { name: 'Start run' }));

    await waitFor(() => expect(newestOption()).not.toHaveTextContent(runs.incomplete));
    const [newest] = (await h.client.listRuns(threads.statuses, { limit: 1 })).data;
    const runId = newest!.id;
    // A response has no assistant: the Responses client ran it with the model the assistant id maps to.
    expect(newest!.assistant_id).toBe(backend === 'assistants' ? assistants.message : '');
    expect(newest!.model).toBe('gpt-4o');
    expect(newestOption()).toHaveTextContent(runId);
    expect(newestOption()).toHaveAttribute('aria-selected', 'true');
    expect(runOptions()).toHaveLength(backend === 'assistants' ? 6 : 5); // the statuses thread's runs (no `expired` on Responses), and this one
    const panel = await runPanel(runId);
    expect(await headerStatus(panel)).toHaveTextContent(/Queued|In progress/);
    await advance(h, 10_000);
    await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Completed'));
    expect(newestOption()).toHaveTextContent('Completed');
    expect(await within(panel).findByText(/Here is a short answer/)).toBeInTheDocument();
  });

  it('answers tool calls through the form: one output per call, and the emulator receives exactly what was typed', async () => {
    const h = await setup({ backend });
    const { user } = renderInspector(h, { threadId: threads.requiresAction });
    const panel = await runPanel(runs.requiresAction);
    expect(await headerStatus(panel)).toHaveTextContent('Needs tool outputs');
    // A Responses run has no deadline: no countdown.
    if (backend === 'assistants') expect(within(panel).getByRole('timer')).toHaveTextContent(/left/);
    else expect(within(panel).queryByRole('timer')).toBeNull();

    const submit = await within(panel).findByRole('button', { name: 'Submit tool outputs' });
    const waiting = await h.client.getRun(threads.requiresAction, runs.requiresAction);
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
    const run = await h.client.getRun(threads.requiresAction, runs.requiresAction);
    expect(run.run.status).toBe('completed');
    // The run's steps, read back from the emulator: each function call holds the typed output.
    const steps = await h.client.listRunSteps(threads.requiresAction, runs.requiresAction, { order: 'asc' });
    const answered = steps.data
      .flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []))
      .flatMap((call) => (call.type === 'function' ? [{ id: call.id, output: call.function.output }] : []));
    expect(answered).toEqual(pending.map((call) => ({ id: call.id, output: '{"temperature": 21}' })));
  }, 20_000);

  it('with outputSchemas, answers through fields and sends their values as JSON', async () => {
    const h = await setup({ backend });
    const temperature = { type: 'object', properties: { temperature: { type: 'number', title: 'Temperature' } }, required: ['temperature'] };
    const { user } = renderInspector(h, { threadId: threads.requiresAction, outputSchemas: { get_weather: temperature } });
    const panel = await runPanel(runs.requiresAction);
    const pending = (await h.client.getRun(threads.requiresAction, runs.requiresAction)).run.required_action!.submit_tool_outputs.tool_calls;
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
    const steps = await h.client.listRunSteps(threads.requiresAction, runs.requiresAction, { order: 'asc' });
    const outputs = steps.data
      .flatMap((step) => (step.step_details.type === 'tool_calls' ? step.step_details.tool_calls : []))
      .flatMap((call) => (call.type === 'function' ? [call.function.output] : []));
    expect(outputs).toEqual(pending.map((call) => (name(call) === 'get_weather' ? '{"temperature":21}' : 'done')));
  }, 20_000);

  it('cancels a slow run: Cancelled (through Cancelling where the API has it), and the button goes away', async () => {
    const h = await setup({ backend });
    const { user } = renderInspector(h, { threadId: threads.inProgress });
    const panel = await runPanel(runs.inProgress);
    expect(await headerStatus(panel)).toHaveTextContent('In progress');
    await user.click(within(panel).getByRole('button', { name: 'Cancel run' }));
    if (backend === 'assistants') {
      await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Cancelling'));
      expect(within(panel).getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
      await advance(h, 2_000);
    }
    // A response is cancelled at once (the Responses API has no `cancelling`).
    await waitFor(async () => expect(await headerStatus(panel)).toHaveTextContent('Cancelled'));
    expect(within(panel).queryByRole('button', { name: /Cancel/ })).toBeNull();
    expect((await h.client.getRun(threads.inProgress, runs.inProgress)).run.status).toBe('cancelled');
  });

  if (backend === 'assistants') {
    it('offers "Cancel it and retry" when the thread already has an active run', async () => {
      const h = await setup({ backend });
      const { user } = renderInspector(h, { threadId: threads.inProgress });
      await runPanel(runs.inProgress);
      await user.selectOptions(screen.getByRole('combobox', { name: 'Assistant' }), 'Concise helper');
      await user.click(screen.getByRole('button', { name: 'Start run' }));
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent(`already has an active run ${runs.inProgress}`);

      await user.click(within(alert).getByRole('button', { name: 'Cancel it and retry' }));
      for (let i = 0; i < 40 && newestOption().textContent?.includes(runs.inProgress); i++) await advance(h, 500);
      expect(runOptions()).toHaveLength(2);
      expect(runOptions()[1]).toHaveTextContent('Cancelled');
      expect(screen.queryByRole('alert')).toBeNull();
    });
  } else {
    it('starts a second run beside an active one (a conversation takes several at once)', async () => {
      const h = await setup({ backend });
      const { user } = renderInspector(h, { threadId: threads.inProgress });
      await runPanel(runs.inProgress);
      await user.selectOptions(screen.getByRole('combobox', { name: 'Assistant' }), 'Concise helper');
      await user.click(screen.getByRole('button', { name: 'Start run' }));
      await waitFor(() => expect(runOptions()).toHaveLength(2));
      expect(newestOption()).toHaveAttribute('aria-selected', 'true');
      expect(runOptions()[1]).toHaveTextContent(runs.inProgress);
      expect(runOptions()[1]).toHaveTextContent('In progress');
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('shows why metadata cannot be edited, and sends nothing', async () => {
      const h = await setup({ backend });
      renderInspector(h, { threadId: threads.statuses, defaultRunId: runs.completed });
      const panel = await runPanel(runs.completed);
      await within(panel).findByRole('list', { name: 'Run steps' });
      expect(within(panel).queryByRole('button', { name: 'Edit metadata' })).toBeNull();
      expect(within(panel).getByText(/can't change a response's metadata/)).toBeInTheDocument();
      expect(h.emulator.requests.filter((r) => r.method === 'POST')).toEqual([]);
    });
  }

  if (backend === 'assistants') {
    it('edits metadata, and shows the pre-send check’s error for a key that is too long', async () => {
      const h = await setup({ backend });
      const { user } = renderInspector(h, { threadId: threads.statuses, defaultRunId: runs.completed });
      const panel = await runPanel(runs.completed);
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
      const run = await h.client.getRun(threads.statuses, runs.completed);
      expect(run.run.metadata).toEqual({ label: 'reviewed' });
    });
  }
});
