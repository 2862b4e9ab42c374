import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { runToolCallSchema, type RunToolCall } from '../../src/api/schemas';
import { ToolOutputsForm, jsonHintOf, prettyJson, validateTextOutput } from '../../src/primitives';
import './cleanup';
import { XSS, emulatedRequiresActionRun, makeRun } from './fixtures';

/** The emulator's own `get_weather` (the API docs' example): the schema of the call's *arguments*. */
const weatherParameters = {
  type: 'object',
  properties: {
    location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
  },
  required: ['location'],
};

/** What an app says `get_weather` returns: the only kind of schema the form builds fields from. */
const weatherOutput = {
  type: 'object',
  properties: {
    temperature: { type: 'number', title: 'Temperature' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    sunny: { type: 'boolean' },
    note: { type: 'string', description: 'Anything else' },
  },
  required: ['temperature', 'unit'],
};

const call = (id: string, name: string, args = '{}'): RunToolCall =>
  runToolCallSchema.parse({ id, type: 'function', function: { name, arguments: args } });

const weatherTools = makeRun({
  tools: [
    {
      type: 'function',
      function: { name: 'get_weather', description: 'Get the current weather in a given location', parameters: weatherParameters },
    },
  ],
}).tools;

const submitButton = () => screen.getByRole('button', { name: 'Submit tool outputs' });
const outputBox = (name: string, root: HTMLElement = document.body) => within(root).getByRole('textbox', { name: `Output for ${name}` });

describe('ToolOutputsForm', () => {
  it('answers a run the emulator left in requires_action: one output textarea per call, sent verbatim', async () => {
    const user = userEvent.setup();
    const run = await emulatedRequiresActionRun(weatherParameters);
    expect(run.status).toBe('requires_action');
    const toolCalls = run.required_action!.submit_tool_outputs.tool_calls;
    expect(toolCalls).toHaveLength(2);
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={toolCalls} tools={run.tools} onSubmit={onSubmit} />);

    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(2);
    const answers = ['Sunny, 21 °C', '{"temperature": 21}'];
    for (const [index, group] of groups.entries()) {
      expect(group).toHaveAccessibleName(`get_weather ${toolCalls[index]!.id}`);
      expect(group).toHaveAttribute('data-schema', 'none');
      // One output editor; nothing from the arguments' schema (`location`, `unit`).
      expect(within(group).getAllByRole('textbox')).toEqual([outputBox('get_weather', group)]);
      expect(within(group).queryByRole('combobox')).toBeNull();
      expect(within(group).queryByRole('textbox', { name: /location|unit/ })).toBeNull();
      await user.click(outputBox('get_weather', group));
      await user.paste(answers[index]!);
    }
    await user.click(submitButton());
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual([
      { tool_call_id: toolCalls[0]!.id, output: 'Sunny, 21 °C' },
      { tool_call_id: toolCalls[1]!.id, output: '{"temperature": 21}' },
    ]);
  });

  it('shows the arguments read-only beside the output: pretty JSON in a block labelled "Arguments", as text', async () => {
    const run = await emulatedRequiresActionRun(weatherParameters);
    const [first] = run.required_action!.submit_tool_outputs.tool_calls;
    const toolCalls = [first!, call('call_x', 'get_weather', `{"city":"${XSS}"}`), call('call_raw', 'get_weather', 'not json')];
    const { container } = render(<ToolOutputsForm.Root toolCalls={toolCalls} onSubmit={vi.fn()} />);
    const [emulated, hostile, raw] = screen.getAllByRole('group').map((group) => within(group).getByRole('figure', { name: 'Arguments' }));
    expect(first!.type).toBe('function');
    const emulatedArgs = first!.type === 'function' ? first!.function.arguments : '';
    expect(emulated!.querySelector('pre')!.textContent).toBe(prettyJson(emulatedArgs));
    expect(emulatedArgs).toMatch(/"location"/); // the model's arguments, from the parameters schema
    expect(hostile!.querySelector('pre')!.textContent).toBe(`{\n  "city": "${XSS}"\n}`);
    expect(raw!.querySelector('pre')!.textContent).toBe('not json');
    expect(within(hostile!).queryByRole('textbox')).toBeNull(); // not editable
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the function’s description from the run’s tools, and never turns its parameters into fields', () => {
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'get_weather')]} tools={weatherTools} onSubmit={vi.fn()} />);
    const group = screen.getByRole('group');
    expect(group).toHaveAccessibleDescription('Get the current weather in a given location');
    expect(within(group).getAllByRole('textbox')).toEqual([outputBox('get_weather')]);
    expect(within(group).queryByRole('combobox')).toBeNull();
    expect(within(group).queryByRole('button', { name: 'Raw' })).toBeNull();
  });

  it('hints politely whether the output is JSON: "Valid JSON" with Pretty-print, or what is wrong — never blocking', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'get_weather')]} onSubmit={onSubmit} />);
    const output = outputBox('get_weather');
    const verdict = (text: string) => screen.getByText(text).closest('[aria-live]');

    await user.type(output, 'sunny');
    expect(output).not.toHaveAccessibleDescription(/JSON/); // plain text: nothing to say
    expect(screen.queryByRole('button', { name: 'Pretty-print' })).toBeNull();

    await user.clear(output);
    await user.click(output);
    await user.paste('{"temperature":21,"unit":"celsius"}');
    expect(output).toHaveAccessibleDescription('Valid JSON');
    expect(verdict('Valid JSON')).toHaveAttribute('aria-live', 'polite');
    await user.click(screen.getByRole('button', { name: 'Pretty-print' }));
    expect(output).toHaveValue('{\n  "temperature": 21,\n  "unit": "celsius"\n}');

    await user.clear(output);
    await user.click(output);
    await user.paste('{"temperature": }');
    expect(output).toHaveAccessibleDescription(/^Not valid JSON: .+\. It can still be sent as text\.$/);
    expect(verdict('Not valid JSON')).toHaveAttribute('aria-live', 'polite');
    expect(output).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('button', { name: 'Pretty-print' })).toBeNull();
    await user.click(submitButton());
    expect(onSubmit).toHaveBeenCalledWith([{ tool_call_id: 'call_1', output: '{"temperature": }' }]);
  });

  it('refuses an empty output: a message tied to the textarea, focus on the first empty one', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'get_weather'), call('call_2', 'get_forecast')]} onSubmit={onSubmit} />);
    const weather = outputBox('get_weather');
    const forecast = outputBox('get_forecast');
    expect(weather).toBeRequired();
    await user.type(weather, 'sunny');
    await user.type(forecast, '   ');
    await user.click(submitButton());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(weather).not.toHaveAttribute('aria-invalid');
    expect(forecast).toHaveAttribute('aria-invalid', 'true');
    expect(forecast).toHaveAccessibleDescription('Enter an output for get_forecast');
    expect(forecast).toHaveFocus();
    // The message updates live once shown.
    await user.type(forecast, 'rain');
    expect(forecast).not.toHaveAttribute('aria-invalid');
    await user.click(submitButton());
    expect(onSubmit).toHaveBeenCalledWith([
      { tool_call_id: 'call_1', output: 'sunny' },
      { tool_call_id: 'call_2', output: '   rain' },
    ]);
  });

  it('builds fields only from outputSchemas: validated, focus on the first invalid, JSON.stringify of the values', async () => {
    const user = userEvent.setup();
    const run = await emulatedRequiresActionRun(weatherParameters);
    const toolCalls = run.required_action!.submit_tool_outputs.tool_calls.slice(0, 1);
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={toolCalls} tools={run.tools} outputSchemas={{ get_weather: weatherOutput }} onSubmit={onSubmit} />);
    expect(screen.getByRole('group')).toHaveAttribute('data-schema', 'fields');
    expect(screen.queryByRole('textbox', { name: 'location' })).toBeNull(); // the arguments' schema stays out
    const temperature = screen.getByRole('spinbutton', { name: 'Temperature' });
    const note = screen.getByRole('textbox', { name: 'note' });
    expect(note).toHaveAccessibleDescription('Anything else');
    expect(temperature).toBeRequired();
    await user.click(submitButton());
    expect(onSubmit).not.toHaveBeenCalled();
    expect(temperature).toHaveAttribute('aria-invalid', 'true');
    expect(temperature).toHaveAccessibleDescription('Temperature is required');
    expect(temperature).toHaveFocus();
    const unit = screen.getByRole('combobox', { name: 'unit' });
    expect(unit).toHaveAccessibleDescription('unit is required');
    await user.type(temperature, '18');
    expect(temperature).not.toHaveAttribute('aria-invalid');
    await user.selectOptions(unit, 'fahrenheit');
    await user.type(note, XSS);
    await user.click(submitButton());
    expect(onSubmit).toHaveBeenCalledWith([
      { tool_call_id: toolCalls[0]!.id, output: JSON.stringify({ temperature: 18, unit: 'fahrenheit', sunny: false, note: XSS }) },
    ]);
  });

  it('toggles a schema call to Raw text and back, carrying values across both ways', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'get_weather')]} outputSchemas={{ get_weather: weatherOutput }} onSubmit={onSubmit} />);
    await user.type(screen.getByRole('spinbutton', { name: 'Temperature' }), '7');
    const toggle = screen.getByRole('button', { name: 'Raw' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('group')).toHaveAttribute('data-mode', 'text');
    const raw = outputBox('get_weather');
    expect(JSON.parse((raw as HTMLTextAreaElement).value)).toEqual({ temperature: 7, sunny: false });
    expect(raw).toHaveAccessibleDescription('Valid JSON');
    await user.clear(raw);
    await user.click(raw);
    await user.paste('{"temperature": 30, "unit": "fahrenheit"}');
    await user.click(toggle);
    expect(screen.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue(30);
    expect(screen.getByRole('combobox', { name: 'unit' })).toHaveDisplayValue('fahrenheit');
    await user.click(toggle);
    await user.click(submitButton());
    expect(onSubmit).toHaveBeenCalledWith([{ tool_call_id: 'call_1', output: '{"temperature": 30, "unit": "fahrenheit"}' }]);
  });

  it('falls back to the output textarea when the output schema is too nested for fields', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const nested = { lookup: { type: 'object', properties: { hits: { type: 'array' } } } };
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'lookup')]} outputSchemas={nested} onSubmit={onSubmit} />);
    expect(screen.getByRole('group')).toHaveAttribute('data-schema', 'unsupported');
    expect(screen.queryByRole('button', { name: 'Raw' })).toBeNull();
    await user.type(outputBox('lookup'), 'no hits');
    await user.click(submitButton());
    expect(onSubmit).toHaveBeenCalledWith([{ tool_call_id: 'call_1', output: 'no hits' }]);
  });

  it('submits several calls in toolCalls order, whatever order they were answered in', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const future = runToolCallSchema.parse({ id: 'call_3', type: 'mcp', mcp: { server: 's' } });
    render(
      <ToolOutputsForm.Root
        toolCalls={[call('call_1', 'get_weather'), call('call_2', 'ping'), future]}
        outputSchemas={{ get_weather: weatherOutput }}
        onSubmit={onSubmit}
      />,
    );
    const [weather, ping, mcp] = screen.getAllByRole('group');
    expect(mcp).toHaveAccessibleName('mcp call_3');
    expect(within(mcp!).queryByRole('figure')).toBeNull(); // an unknown call has no arguments to show
    await user.type(outputBox('mcp', mcp), 'done');
    await user.type(outputBox('ping', ping), 'pong');
    await user.type(within(weather!).getByRole('spinbutton', { name: 'Temperature' }), '21');
    await user.selectOptions(within(weather!).getByRole('combobox', { name: 'unit' }), 'celsius');
    await user.click(submitButton());
    expect(onSubmit).toHaveBeenCalledWith([
      { tool_call_id: 'call_1', output: '{"temperature":21,"unit":"celsius","sunny":false}' },
      { tool_call_id: 'call_2', output: 'pong' },
      { tool_call_id: 'call_3', output: 'done' },
    ]);
  });

  it('works by keyboard alone: Tab reaches each output, Pretty-print and the button', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'get_weather'), call('call_2', 'ping')]} onSubmit={onSubmit} />);
    await user.tab();
    expect(outputBox('get_weather')).toHaveFocus();
    await user.keyboard('[[1,2]');
    await user.tab();
    expect(screen.getByRole('button', { name: 'Pretty-print' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(outputBox('get_weather')).toHaveValue('[\n  1,\n  2\n]');
    await user.tab();
    expect(outputBox('ping')).toHaveFocus();
    await user.keyboard('pong');
    await user.tab();
    expect(submitButton()).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledWith([
      { tool_call_id: 'call_1', output: '[\n  1,\n  2\n]' },
      { tool_call_id: 'call_2', output: 'pong' },
    ]);
  });

  it('disables inputs and the button while submitting or disabled', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const ref = createRef<HTMLFormElement>();
    const props = { toolCalls: [call('call_1', 'ping')], onSubmit };
    const { rerender } = render(<ToolOutputsForm.Root {...props} isSubmitting ref={ref} className="form" />);
    const button = submitButton();
    expect(ref.current).toHaveClass('form');
    expect(ref.current).toHaveAttribute('aria-busy', 'true');
    expect(ref.current).toHaveAttribute('data-loading', '');
    expect(button).toBeDisabled();
    expect(outputBox('ping')).toBeDisabled();
    expect(screen.getByRole('group')).toHaveAttribute('data-disabled', '');
    await user.click(button);
    rerender(<ToolOutputsForm.Root {...props} disabled ref={ref} />);
    expect(button).toBeDisabled();
    expect(ref.current).toHaveAttribute('data-disabled', '');
    expect(ref.current).not.toHaveAttribute('aria-busy');
    rerender(<ToolOutputsForm.Root {...props} ref={ref} />);
    expect(button).toBeEnabled();
    expect(outputBox('ping')).toBeEnabled();
    rerender(<ToolOutputsForm.Root toolCalls={[]} onSubmit={onSubmit} />);
    expect(submitButton()).toBeDisabled();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('takes parts as children, passing className, style and refs through', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const callRef = createRef<HTMLFieldSetElement>();
    render(
      <ToolOutputsForm.Root toolCalls={[call('call_1', 'ping')]} onSubmit={onSubmit}>
        <ToolOutputsForm.Call toolCallId="call_1" ref={callRef} className="call" style={{ margin: 3 }}>
          <p>Answer with pong.</p>
        </ToolOutputsForm.Call>
        <ToolOutputsForm.Submit>Send</ToolOutputsForm.Submit>
      </ToolOutputsForm.Root>,
    );
    expect(callRef.current).toHaveClass('call');
    expect(callRef.current).toHaveStyle({ margin: '3px' });
    expect(callRef.current).toHaveAttribute('data-call-id', 'call_1');
    expect(within(callRef.current!).getByText('Answer with pong.')).toBeInTheDocument();
    await user.type(outputBox('ping'), 'pong');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledWith([{ tool_call_id: 'call_1', output: 'pong' }]);
  });
});

describe('jsonHintOf and validateTextOutput', () => {
  it('hints JSON validity without ever refusing text; only an empty output is refused', () => {
    expect(jsonHintOf(' {"ok": true} ')).toEqual({ kind: 'valid' });
    expect(jsonHintOf('[1, 2]')).toEqual({ kind: 'valid' });
    expect(jsonHintOf('{"ok": }')).toEqual({ kind: 'invalid', message: expect.stringMatching(/.+/) });
    expect(jsonHintOf('sunny')).toBeNull(); // plain text: nothing to say
    expect(jsonHintOf('   ')).toBeNull();
    expect(validateTextOutput('{"ok": }', 'get_weather')).toBeNull();
    expect(validateTextOutput('sunny', 'get_weather')).toBeNull();
    expect(validateTextOutput(' \n ', 'get_weather')).toBe('Enter an output for get_weather');
  });
});
