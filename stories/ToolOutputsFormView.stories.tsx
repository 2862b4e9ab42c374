import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ToolOutputsFormView } from '../src/ui';
import { runOf, statusPlans, withEmulator } from './support';

// The form for a run the emulator left in requires_action: its pending calls and its tools' schemas.
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

/** get_weather + get_forecast (the demo assistant asks for both): fields from their JSON schemas. */
export const TwoCalls: Story = {
  ...withEmulator(statusPlans.requires_action),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    expect(canvas.getAllByRole('group')).toHaveLength(2);
    for (const box of canvas.getAllByRole('textbox')) if ((box as HTMLInputElement).value === '') await userEvent.type(box, 'Paris');
    for (const box of canvas.getAllByRole('spinbutton')) if ((box as HTMLInputElement).value === '') await userEvent.type(box, '3');
    await userEvent.click(canvas.getByRole('button', { name: 'Submit tool outputs' }));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledTimes(1));
    const [outputs] = (args.onSubmit as ReturnType<typeof fn>).mock.calls[0] as [{ tool_call_id: string; output: string }[]];
    expect(outputs).toHaveLength(2);
  },
};

/** Submitting with a required field empty: the message is tied to the field. */
export const Invalid: Story = {
  ...withEmulator({ ...statusPlans.requires_action, params: { tools: [{ type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] } } }] } }),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const field = canvas.getAllByRole('textbox', { name: /location/i }).find((el) => !(el as HTMLInputElement).readOnly) as HTMLElement;
    await userEvent.clear(field);
    await userEvent.click(canvas.getByRole('button', { name: 'Submit tool outputs' }));
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveAccessibleDescription(/.+/);
    expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

export const Submitting: Story = {
  ...withEmulator(statusPlans.requires_action),
  args: { isSubmitting: true },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: 'Submit tool outputs' })).toBeDisabled();
  },
};

export const Dark: Story = { ...TwoCalls, globals: { theme: 'dark' }, play: undefined };
