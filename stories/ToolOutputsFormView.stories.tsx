import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ToolOutputsFormView } from '../src/ui';
import { runOf, statusPlans, withEmulator } from './support';

// The form for a run the emulator left in requires_action: its pending calls, and its tools (for the
// functions' descriptions; their `parameters` describe the arguments and never become fields).
const meta = {
  title: 'Components/ToolOutputsFormView',
  component: ToolOutputsFormView,
  args: { toolCalls: [], onSubmit: fn() },
  argTypes: { toolCalls: { control: false }, tools: { control: false } },
  render: (args, context) => {
    const run = runOf(context);
    return <ToolOutputsFormView {...args} toolCalls={run.required_action?.submit_tool_outputs.tool_calls ?? []} tools={run.tools} />;
  },
} satisfies Meta<typeof ToolOutputsFormView>;
export default meta;
type Story = StoryObj<typeof meta>;

type Outputs = { tool_call_id: string; output: string }[];
const submitted = (onSubmit: unknown): Outputs => (onSubmit as ReturnType<typeof fn>).mock.calls[0]?.[0] as Outputs;
const submitButton = (canvas: ReturnType<typeof within>) => canvas.getByRole('button', { name: 'Submit tool outputs' });

/** What an app might say `get_weather` returns: the only kind of schema that becomes fields. */
const weatherOutputSchema = {
  type: 'object',
  properties: {
    temperature: { type: 'number', title: 'Temperature' },
    unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    conditions: { type: 'string', title: 'Conditions', description: 'e.g. partly cloudy' },
  },
  required: ['temperature', 'unit'],
};

/**
 * The demo assistant asks for get_weather and get_forecast: per call its arguments, read-only,
 * beside one output textarea; any text is sent as it is.
 */
export const Default: Story = {
  ...withEmulator(statusPlans.requires_action),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const groups = canvas.getAllByRole('group');
    expect(groups).toHaveLength(2);
    for (const group of groups) {
      expect(within(group).getByRole('figure', { name: 'Arguments' })).toHaveTextContent(/location/);
      expect(within(group).getAllByRole('textbox')).toHaveLength(1);
      expect(within(group).queryByRole('spinbutton')).toBeNull();
    }
    await userEvent.type(canvas.getByRole('textbox', { name: 'Output for get_weather' }), 'Sunny, 18 °C');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Output for get_forecast' }), '{{"days": [[19, 21, 17]}');
    await userEvent.click(submitButton(canvas));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledTimes(1));
    expect(submitted(args.onSubmit).map((output) => output.output)).toEqual(['Sunny, 18 °C', '{"days": [19, 21, 17]}']);
  },
};

/** The hint under each output: what is wrong while the JSON is broken, then "Valid JSON" and Pretty-print. */
export const JsonHint: Story = {
  ...withEmulator(statusPlans.requires_action),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const weather = canvas.getByRole('textbox', { name: 'Output for get_weather' });
    await userEvent.type(weather, '{{"temperature":18,"unit":"celsius"');
    await waitFor(() => expect(weather).toHaveAccessibleDescription(/^Not valid JSON: .+It can still be sent as text\.$/));
    expect(weather).not.toHaveAttribute('aria-invalid');
    await userEvent.type(weather, '}');
    await waitFor(() => expect(weather).toHaveAccessibleDescription('Valid JSON'));
    await userEvent.click(canvas.getByRole('button', { name: 'Pretty-print' }));
    expect(weather).toHaveValue('{\n  "temperature": 18,\n  "unit": "celsius"\n}');
    // Leave the other output broken, so both hints are on screen (and axe checks their colours).
    await userEvent.type(canvas.getByRole('textbox', { name: 'Output for get_forecast' }), '[[19, 21,');
  },
};

/** Submitting with an output left empty: refused, the message tied to the textarea, focus on it. */
export const EmptyOutput: Story = {
  ...withEmulator(statusPlans.requires_action),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole('textbox', { name: 'Output for get_weather' }), 'sunny');
    await userEvent.click(submitButton(canvas));
    const forecast = canvas.getByRole('textbox', { name: 'Output for get_forecast' });
    await waitFor(() => expect(forecast).toHaveAttribute('aria-invalid', 'true'));
    expect(forecast).toHaveAccessibleDescription('Enter an output for get_forecast');
    expect(forecast).toHaveFocus();
    expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** The app gives an output schema for get_weather: fields, validated, sent as JSON; get_forecast stays text. */
export const WithOutputSchemas: Story = {
  ...withEmulator(statusPlans.requires_action),
  args: { outputSchemas: { get_weather: weatherOutputSchema } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const [weather, forecast] = canvas.getAllByRole('group');
    const temperature = within(weather!).getByRole('spinbutton', { name: 'Temperature' });
    await userEvent.click(submitButton(canvas));
    await waitFor(() => expect(temperature).toHaveAttribute('aria-invalid', 'true'));
    expect(temperature).toHaveFocus();
    expect(args.onSubmit).not.toHaveBeenCalled();
    await userEvent.type(temperature, '18');
    await userEvent.selectOptions(within(weather!).getByRole('combobox', { name: 'unit' }), 'celsius');
    await userEvent.type(within(weather!).getByRole('textbox', { name: 'Conditions' }), 'partly cloudy');
    await userEvent.type(within(forecast!).getByRole('textbox', { name: 'Output for get_forecast' }), 'Mild all week');
    await userEvent.click(submitButton(canvas));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledTimes(1));
    expect(submitted(args.onSubmit).map((output) => output.output)).toEqual([
      JSON.stringify({ temperature: 18, unit: 'celsius', conditions: 'partly cloudy' }),
      'Mild all week',
    ]);
  },
};

/** Four parallel calls (`emulator.parallel`): answered in any order, sent in the run's order. */
export const SeveralCalls: Story = {
  ...withEmulator({ ...statusPlans.requires_action, metadata: { 'emulator.parallel': '4' } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const groups = canvas.getAllByRole('group');
    expect(groups).toHaveLength(4);
    const callIds = groups.map((group) => group.getAttribute('data-call-id'));
    for (const [index, group] of [...groups.entries()].reverse()) {
      await userEvent.type(within(group).getByRole('textbox', { name: /^Output for / }), `answer ${index}`);
    }
    await userEvent.click(submitButton(canvas));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledTimes(1));
    expect(submitted(args.onSubmit)).toEqual(callIds.map((id, index) => ({ tool_call_id: id, output: `answer ${index}` })));
  },
};

/** While the outputs are being sent: everything disabled, the form busy. */
export const Submitting: Story = {
  ...withEmulator(statusPlans.requires_action),
  args: { isSubmitting: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(submitButton(canvas)).toBeDisabled();
    for (const box of canvas.getAllByRole('textbox')) await expect(box).toBeDisabled();
    await expect(canvasElement.querySelector('form')).toHaveAttribute('aria-busy', 'true');
  },
};

/** The run moved on (no longer requires_action): nothing can be sent. */
export const Disabled: Story = {
  ...withEmulator(statusPlans.requires_action),
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(submitButton(canvas)).toBeDisabled();
    for (const box of canvas.getAllByRole('textbox')) await expect(box).toBeDisabled();
  },
};

/** Dark theme, with both hints and an error showing (axe checks their contrast). */
export const Dark: Story = {
  ...withEmulator({ ...statusPlans.requires_action, metadata: { 'emulator.parallel': '3' } }),
  globals: { theme: 'dark' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const [valid, broken, empty] = canvas.getAllByRole('group').map((group) => within(group).getByRole('textbox', { name: /^Output for / }));
    await userEvent.type(valid!, '{{"temperature":18}');
    await userEvent.click(canvas.getByRole('button', { name: 'Pretty-print' }));
    await userEvent.type(broken!, '{{"days":');
    await userEvent.click(submitButton(canvas));
    await waitFor(() => expect(empty).toHaveAttribute('aria-invalid', 'true'));
    expect(canvas.getByText('Valid JSON')).toBeVisible();
    expect(canvas.getByText('Not valid JSON')).toBeVisible();
    expect(args.onSubmit).not.toHaveBeenCalled();
  },
};
