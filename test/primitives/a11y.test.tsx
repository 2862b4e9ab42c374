import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { runToolCallSchema } from '../../src/api/schemas';
import { Deadline, RunList, RunStatus, RunStep, RunStepList, RunTimeline, ToolOutputsForm, Usage } from '../../src/primitives';
import { axeViolations, expectNoAxeViolations } from './axe';
import './cleanup';
import { T0, XSS, makeMessage, makeRun, makeStep, manySteps, toolCallsStep } from './fixtures';

const runs = [makeRun({ id: 'run_a' }), makeRun({ id: 'run_b', status: 'in_progress', completed_at: null, usage: null })];

describe('axe', () => {
  it('is live: it catches a button inside a listbox', async () => {
    const { container } = render(
      <div role="listbox" aria-label="x">
        <button type="button">Load</button>
      </div>,
    );
    expect((await axeViolations(container)).map((violation) => violation.id)).toContain('aria-required-children');
  });

  it('RunList with its load buttons, selected and loading', async () => {
    const { container } = render(
      <main>
        <RunList.LoadNewer onLoad={vi.fn()} hasMore={false} />
        <RunList.Root runs={runs} defaultValue="run_b" isLoading>
          <RunList.Items />
        </RunList.Root>
        <RunList.LoadOlder onLoad={vi.fn()} />
      </main>,
    );
    await expectNoAxeViolations(container);
  });

  it('an empty RunList with its Empty message', async () => {
    const { container } = render(
      <main>
        <RunList.Root runs={[]}>
          <RunList.Items />
        </RunList.Root>
        <RunList.Empty runs={[]}>No runs yet</RunList.Empty>
      </main>,
    );
    await expectNoAxeViolations(container);
  });

  it('a run header: status, usage, deadline', async () => {
    const { container } = render(
      <main>
        <RunStatus.Root status="requires_action" />
        <Usage.Root usage={{ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 }} model="m" prices={{ m: { promptPerMillion: 1, completionPerMillion: 1 } }} />
        <Deadline.Root expiresAt={T0 + 600} now={T0 * 1000} />
      </main>,
    );
    await expectNoAxeViolations(container);
  });

  it('the timeline and a virtualized step list with every kind of step', async () => {
    const steps = [
      makeStep({ id: 'step_msg' }),
      toolCallsStep(
        [
          { id: 'c1', type: 'function', function: { name: 'f', arguments: XSS, output: null } },
          { id: 'c2', type: 'code_interpreter', code_interpreter: { input: 'x', outputs: [{ type: 'image', image: { file_id: 'file-1' } }] } },
          { id: 'c3', type: 'file_search', file_search: { results: [{ file_id: 'f', file_name: 'a.md', score: 0.5 }] } },
          { id: 'c4', type: 'new_tool' },
        ],
        { id: 'step_tools' },
      ),
      ...manySteps(60).slice(2),
    ];
    const { container } = render(
      <main>
        <RunTimeline.Root run={makeRun()} steps={steps}>
          <RunTimeline.Bars />
        </RunTimeline.Root>
        <RunStepList.Root steps={steps} style={{ height: 300 }}>
          <RunStepList.Items>
            {(step) => (
              <RunStep.Root step={step}>
                <RunStep.Details message={makeMessage(XSS)} resolveFileUrl={(id) => `/files/${id}`} />
              </RunStep.Root>
            )}
          </RunStepList.Items>
        </RunStepList.Root>
      </main>,
    );
    await expectNoAxeViolations(container);
  });

  it('ToolOutputsForm: text outputs with JSON hints, an empty-output error, and outputSchemas fields', async () => {
    const tools = makeRun({
      tools: [{ type: 'function', function: { name: 'get_forecast', description: 'Daily forecast', parameters: { type: 'object', properties: { days: { type: 'integer' } } } } }],
    }).tools;
    const outputSchemas = {
      get_weather: { type: 'object', properties: { t: { type: 'number' }, u: { enum: ['c', 'f'] }, ok: { type: 'boolean' } }, required: ['t'] },
    };
    const toolCall = (id: string, name: string, args: string) =>
      runToolCallSchema.parse({ id, type: 'function', function: { name, arguments: args } });
    const toolCalls = [
      toolCall('call_1', 'get_weather', '{"location":"Paris"}'),
      toolCall('call_2', 'ping', '{}'),
      toolCall('call_3', 'get_forecast', '{"days":3}'),
      toolCall('call_4', 'lookup', 'not json'),
    ];
    const { container } = render(
      <main>
        <ToolOutputsForm.Root toolCalls={toolCalls} tools={tools} outputSchemas={outputSchemas} onSubmit={vi.fn()} />
      </main>,
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Output for get_forecast' }), '{{"days":[[19,21,17]}');
    await user.type(screen.getByRole('textbox', { name: 'Output for lookup' }), '{{"hits":');
    await user.click(screen.getByRole('button', { name: 'Submit tool outputs' }));
    expect(screen.getByRole('spinbutton', { name: 't' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Output for ping' })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Pretty-print' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Output for lookup' })).toHaveAccessibleDescription(/^Not valid JSON/);
    await expectNoAxeViolations(container);
  });
});
