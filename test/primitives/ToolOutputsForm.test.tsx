import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { runToolCallSchema, type RunToolCall } from '../../src/api/schemas';
import { ToolOutputsForm } from '../../src/primitives';
import './cleanup';
import { XSS, emulatedRequiresActionRun, makeRun } from './fixtures';

const weatherParameters = {
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

const tools = makeRun({
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherParameters } }],
}).tools;

describe('ToolOutputsForm', () => {
  it('answers a run the emulator left in requires_action, with fields from the tool schema', async () => {
    const user = userEvent.setup();
    const run = await emulatedRequiresActionRun(weatherParameters);
    expect(run.status).toBe('requires_action');
    const toolCalls = run.required_action!.submit_tool_outputs.tool_calls;
    expect(toolCalls).toHaveLength(2);
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={toolCalls} tools={run.tools} onSubmit={onSubmit} />);

    const groups = screen.getAllByRole('group');
    expect(groups).toHaveLength(2);
    for (const [index, group] of groups.entries()) {
      const id = toolCalls[index]!.id;
      expect(group).toHaveAccessibleName(`get_weather ${id}`);
      await user.type(within(group).getByRole('spinbutton', { name: 'Temperature' }), `2${index}`);
      await user.selectOptions(within(group).getByRole('combobox', { name: 'unit' }), 'celsius');
    }
    await user.click(within(groups[1]!).getByRole('checkbox', { name: 'sunny' }));
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]![0]).toEqual([
      { tool_call_id: toolCalls[0]!.id, output: JSON.stringify({ temperature: 20, unit: 'celsius', sunny: false }) },
      { tool_call_id: toolCalls[1]!.id, output: JSON.stringify({ temperature: 21, unit: 'celsius', sunny: true }) },
    ]);
  });

  it('shows the arguments read-only, as text', () => {
    const { container } = render(
      <ToolOutputsForm.Root toolCalls={[call('call_1', 'get_weather', `{"city":"${XSS}"}`)]} tools={tools} onSubmit={vi.fn()} />,
    );
    expect(container.querySelector('pre')!.textContent).toBe(`{\n  "city": "${XSS}"\n}`);
    expect(container.querySelector('img')).toBeNull();
  });

  it('validates before submit: messages tied by aria-describedby, aria-invalid, focus on the first', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'get_weather')]} tools={tools} onSubmit={onSubmit} />);
    const temperature = screen.getByRole('spinbutton', { name: 'Temperature' });
    const note = screen.getByRole('textbox', { name: 'note' });
    expect(note).toHaveAccessibleDescription('Anything else');
    expect(temperature).toBeRequired();
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(temperature).toHaveAttribute('aria-invalid', 'true');
    expect(temperature).toHaveAccessibleDescription('Temperature is required');
    expect(temperature).toHaveFocus();
    const unit = screen.getByRole('combobox', { name: 'unit' });
    expect(unit).toHaveAccessibleDescription('unit is required');
    // errors update live once shown
    await user.type(temperature, '18');
    expect(temperature).not.toHaveAttribute('aria-invalid');
    await user.selectOptions(unit, 'fahrenheit');
    await user.type(note, XSS);
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(onSubmit).toHaveBeenCalledWith([
      { tool_call_id: 'call_1', output: JSON.stringify({ temperature: 18, unit: 'fahrenheit', sunny: false, note: XSS }) },
    ]);
  });

  it('prefers outputSchemas over the tool parameters', () => {
    render(
      <ToolOutputsForm.Root
        toolCalls={[call('call_1', 'get_weather')]}
        tools={tools}
        outputSchemas={{ get_weather: { type: 'object', properties: { forecast: { type: 'string' } } } }}
        onSubmit={vi.fn()}
      />,
    );
    expect(screen.getByRole('textbox', { name: 'forecast' })).toBeInTheDocument();
    expect(screen.queryByRole('spinbutton')).toBeNull();
  });

  it('falls back to a raw textarea without a usable schema; JSON mode must parse, Text sends as is', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const nested = makeRun({
      tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object', properties: { q: { type: 'object' } } } } }],
    }).tools;
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'lookup')]} tools={nested} onSubmit={onSubmit} />);
    expect(screen.getByRole('group')).toHaveAttribute('data-schema', 'unsupported');
    expect(screen.queryByRole('button', { name: 'Raw' })).toBeNull();
    const output = screen.getByRole('textbox', { name: 'Output for lookup' });
    expect(screen.getByRole('combobox', { name: 'Format' })).toHaveValue('json');
    await user.type(output, 'not json');
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(output).toHaveAttribute('aria-invalid', 'true');
    expect(output).toHaveAccessibleDescription(/Not valid JSON/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Format' }), 'text');
    expect(output).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(onSubmit).toHaveBeenCalledWith([{ tool_call_id: 'call_1', output: 'not json' }]);
  });

  it('defaults to Text mode for a function with no schema at all', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'ping')]} onSubmit={onSubmit} />);
    expect(screen.getByRole('group')).toHaveAttribute('data-schema', 'none');
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(screen.getByRole('textbox', { name: 'Output for ping' })).toHaveAccessibleDescription('Enter an output');
    await user.type(screen.getByRole('textbox', { name: 'Output for ping' }), 'pong');
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(onSubmit).toHaveBeenCalledWith([{ tool_call_id: 'call_1', output: 'pong' }]);
  });

  it('toggles Raw mode, carrying values across both ways', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<ToolOutputsForm.Root toolCalls={[call('call_1', 'get_weather')]} tools={tools} onSubmit={onSubmit} />);
    await user.type(screen.getByRole('spinbutton', { name: 'Temperature' }), '7');
    const toggle = screen.getByRole('button', { name: 'Raw' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('group')).toHaveAttribute('data-mode', 'raw');
    const raw = screen.getByRole('textbox', { name: 'Output for get_weather' });
    expect(JSON.parse((raw as HTMLTextAreaElement).value)).toEqual({ temperature: 7, sunny: false });
    await user.clear(raw);
    await user.click(raw);
    await user.paste('{"temperature": 30, "unit": "fahrenheit"}');
    await user.click(toggle);
    expect(screen.getByRole('spinbutton', { name: 'Temperature' })).toHaveValue(30);
    expect(screen.getByRole('combobox', { name: 'unit' })).toHaveDisplayValue('fahrenheit');
    await user.click(toggle);
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(onSubmit).toHaveBeenCalledWith([{ tool_call_id: 'call_1', output: '{"temperature": 30, "unit": "fahrenheit"}' }]);
  });

  it('disables inputs and the button while submitting or disabled', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const ref = createRef<HTMLFormElement>();
    const props = { toolCalls: [call('call_1', 'ping')], onSubmit };
    const { rerender } = render(<ToolOutputsForm.Root {...props} isSubmitting ref={ref} className="form" />);
    const button = screen.getByRole('button', { name: 'Submit tool outputs' });
    expect(ref.current).toHaveClass('form');
    expect(ref.current).toHaveAttribute('aria-busy', 'true');
    expect(button).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Output for ping' })).toBeDisabled();
    await user.click(button);
    rerender(<ToolOutputsForm.Root {...props} disabled ref={ref} />);
    expect(button).toBeDisabled();
    expect(ref.current).toHaveAttribute('data-disabled', '');
    expect(ref.current).not.toHaveAttribute('aria-busy');
    rerender(<ToolOutputsForm.Root {...props} ref={ref} />);
    expect(button).toBeEnabled();
    rerender(<ToolOutputsForm.Root toolCalls={[]} onSubmit={onSubmit} />);
    expect(screen.getByRole('button', { name: 'Submit tool outputs' })).toBeDisabled();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('answers a call of an unknown type through the raw textarea', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const future = runToolCallSchema.parse({ id: 'call_x', type: 'mcp', mcp: { server: 's' } });
    render(<ToolOutputsForm.Root toolCalls={[future]} onSubmit={onSubmit} />);
    expect(screen.getByRole('group')).toHaveAccessibleName('mcp call_x');
    await user.type(screen.getByRole('textbox', { name: 'Output for mcp' }), 'done');
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(onSubmit).toHaveBeenCalledWith([{ tool_call_id: 'call_x', output: 'done' }]);
  });
});
