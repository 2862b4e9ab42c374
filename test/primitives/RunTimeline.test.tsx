import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
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

  it('is a list of bars named by type, duration and status, placed by inline percentages', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <RunTimeline.Root run={run} steps={steps} ref={ref} className="timeline">
        <RunTimeline.Bars />
      </RunTimeline.Root>,
    );
    const list = screen.getByRole('list', { name: 'Run timeline' });
    expect(ref.current).toBe(list);
    expect(list).toHaveClass('timeline');
    const tools = screen.getByRole('listitem', { name: 'tool_calls step, 4 s, completed' });
    expect(tools.style.left).toBe('0%');
    expect(tools.style.width).toBe('40%');
    expect(tools).toHaveAttribute('data-step-type', 'tool_calls');
    expect(tools).toHaveTextContent('4 s');
    const message = screen.getByRole('listitem', { name: 'message_creation step, 6 s, completed' });
    expect(message.style.left).toBe('40%');
    expect(message.style.width).toBe('60%');
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
    const bar = screen.getByRole('listitem', { name: 'message_creation step, 1.2 s, in_progress' });
    expect(bar).toHaveAttribute('data-live', '');
    expect(bar).toHaveAttribute('data-state', 'in_progress');
    expect(screen.getByTestId('total')).toHaveTextContent('2.2 s');
  });

  it('takes custom bar rendering and virtualizes 10 000 steps', () => {
    const longRun = makeRun({ completed_at: T0 + 10_001 });
    render(
      <RunTimeline.Root run={longRun} steps={manySteps(10_000)} style={{ height: 300 }}>
        <RunTimeline.Bars>
          {(step) => (
            <RunTimeline.Bar step={step} className="bar">
              {step.id} <RunTimeline.Duration />
            </RunTimeline.Bar>
          )}
        </RunTimeline.Bars>
      </RunTimeline.Root>,
    );
    const bars = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(bars.length).toBeGreaterThan(5);
    expect(bars.length).toBeLessThan(60);
    expect(bars[0]).toHaveTextContent('step_0 1 s');
    expect(bars[0]).toHaveClass('bar');
  });
});
