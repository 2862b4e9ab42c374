import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RunTimeline } from '../../src/primitives';
import './cleanup';
import { T0, makeRun, makeStep, manySteps, toolCallsStep } from './fixtures';

describe('RunTimeline', () => {
  const run = makeRun({ created_at: T0, completed_at: T0 + 10 });
  const steps = [
    toolCallsStep([], { id: 'step_tools', created_at: T0, completed_at: T0 + 4 }),
    makeStep({ id: 'step_msg', created_at: T0 + 4, completed_at: T0 + 10 }),
  ];

  it('is a listbox of bars named by label, duration and (visually hidden) status, placed by inline percentages', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <RunTimeline.Root run={run} steps={steps} ref={ref} className="timeline">
        <RunTimeline.Bars />
      </RunTimeline.Root>,
    );
    const list = screen.getByRole('listbox', { name: 'Run timeline' });
    // The Root frames the parts; Bars placed straight in it make their own listbox.
    expect(ref.current).toContainElement(list);
    expect(ref.current).toHaveClass('timeline');
    expect(ref.current).toHaveAttribute('data-state', 'completed');
    const tools = screen.getByRole('option', { name: 'Tool calls 4 s (completed)' });
    expect(tools.style.left).toBe('0%');
    expect(tools.style.width).toBe('40%');
    expect(tools).toHaveAttribute('data-step-type', 'tool_calls');
    expect(tools).toHaveTextContent('Tool calls 4 s');
    const message = screen.getByRole('option', { name: 'Message 6 s (completed)' });
    expect(message.style.left).toBe('40%');
    expect(message.style.width).toBe('60%');
    expect(message).toHaveTextContent('Message 6 s');
  });

  it('grows live bars to now', () => {
    const running = makeRun({ status: 'in_progress', completed_at: null, usage: null });
    const live = makeStep({ id: 'live', status: 'in_progress', created_at: T0 + 1, completed_at: null });
    render(
      <RunTimeline.Root run={running} steps={[live]} now={(T0 + 2) * 1000 + 200}>
        <RunTimeline.Bars />
        <RunTimeline.Duration data-testid="total" />
      </RunTimeline.Root>,
    );
    const bar = screen.getByRole('option', { name: 'Message 1.2 s (in progress)' });
    expect(bar).toHaveAttribute('data-live', '');
    expect(bar).toHaveAttribute('data-state', 'in_progress');
    expect(screen.getByTestId('total')).toHaveTextContent('2.2 s');
  });

  it('takes custom bar rendering and virtualizes 10 000 steps', () => {
    const longRun = makeRun({ completed_at: T0 + 10_001 });
    render(
      <RunTimeline.Root run={longRun} steps={manySteps(10_000)}>
        <RunTimeline.List style={{ height: 300 }}>
          <RunTimeline.Bars>
            {(step) => (
              <RunTimeline.Bar step={step} className="bar">
                {step.id} <RunTimeline.Duration />
              </RunTimeline.Bar>
            )}
          </RunTimeline.Bars>
        </RunTimeline.List>
      </RunTimeline.Root>,
    );
    const bars = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(bars.length).toBeGreaterThan(5);
    expect(bars.length).toBeLessThan(60);
    expect(bars[0]).toHaveTextContent('step_0 1 s');
    expect(bars[0]).toHaveClass('bar');
  });

  it('renders on the server with every part, reading no window', () => {
    const longRun = makeRun({ completed_at: T0 + 10_001 });
    const html = renderToString(
      <RunTimeline.Root run={longRun} steps={manySteps(10_000)} defaultSelectedStepId="step_1">
        <RunTimeline.ZoomControls />
        <RunTimeline.Axis />
        <RunTimeline.List>
          <RunTimeline.Bars />
        </RunTimeline.List>
        <RunTimeline.Tooltip />
      </RunTimeline.Root>,
    );
    expect(html).toContain('role="listbox"');
    // The fallback viewport's rows (600 px / 28 px, plus overscan), not 10 000.
    expect((html.match(/role="option"/g) ?? []).length).toBe(Math.ceil(600 / 28) + 5);
    expect(html).toMatch(/aria-selected="true"[^>]*data-step-id="step_1"/);
    expect(html).toContain('role="tooltip"');
  });
});
