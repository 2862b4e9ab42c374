import { render, screen, within } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RunStep, RunStepList } from '../../src/primitives';
import './cleanup';
import { manySteps } from './fixtures';

describe('RunStepList', () => {
  it('renders every step of a short list without virtualizing', () => {
    const ref = createRef<HTMLDivElement>();
    render(
      <RunStepList.Root steps={manySteps(3)} ref={ref} className="steps">
        <RunStepList.Items>{(step) => <RunStep.Root step={step}>{step.id}</RunStep.Root>}</RunStepList.Items>
      </RunStepList.Root>,
    );
    const list = screen.getByRole('list', { name: 'Run steps' });
    expect(ref.current).toBe(list);
    expect(list).toHaveClass('steps');
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['step_0', 'step_1', 'step_2']);
    expect(list.querySelector('[data-virtual-sizer]')).toBeNull();
  });

  it('is a keyboard-reachable scroll container (axe scrollable-region-focusable)', () => {
    render(
      <RunStepList.Root steps={manySteps(100)}>
        <RunStepList.Items>{(step) => <RunStep.Root step={step}>{step.id}</RunStep.Root>}</RunStepList.Items>
      </RunStepList.Root>,
    );
    expect(screen.getByRole('list', { name: 'Run steps' })).toHaveAttribute('tabindex', '0');
  });

  it('asks for more once its virtual rows reach the end, once per list length', () => {
    const onEndReached = vi.fn();
    const list = (count: number) => (
      <RunStepList.Root steps={manySteps(count)} virtualize estimateSize={40} style={{ height: 400 }} onEndReached={onEndReached}>
        <RunStepList.Items>{(step) => <RunStep.Root step={step}>{step.id}</RunStep.Root>}</RunStepList.Items>
      </RunStepList.Root>
    );
    // 200 rows, ~15 rendered: far from the end.
    const { rerender } = render(list(200));
    expect(onEndReached).not.toHaveBeenCalled();
    // 20 rows all fit: the end is on screen, so the next page is wanted (once, however often it renders).
    rerender(list(20));
    rerender(list(20));
    expect(onEndReached).toHaveBeenCalledTimes(1);
    // A page arrived (still near the end): asked again.
    rerender(list(22));
    expect(onEndReached).toHaveBeenCalledTimes(2);
  });

  it('mounts only the visible rows of 10 000 steps, the first ones included', () => {
    const steps = manySteps(10_000);
    render(
      <RunStepList.Root steps={steps} estimateSize={40} style={{ height: 400 }}>
        <RunStepList.Items>{(step) => <RunStep.Root step={step}>{step.id}</RunStep.Root>}</RunStepList.Items>
      </RunStepList.Root>,
    );
    const list = screen.getByRole('list', { name: 'Run steps' });
    const items = within(list).getAllByRole('listitem');
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(items.length).toBeLessThan(60);
    expect(items[0]).toHaveTextContent('step_0');
    expect(items[0]).toHaveAttribute('data-state', 'completed');
    // The sizer reserves the height of every row so the scrollbar is right.
    expect(list.querySelector<HTMLElement>('[data-virtual-sizer]')!.style.height).toBe('400000px');
    expect(list.style.overflowY).toBe('auto');
    expect(list.style.height).toBe('400px');
  });

  it('can be forced to virtualize or not', () => {
    const { unmount } = render(
      <RunStepList.Root steps={manySteps(100)} virtualize={false}>
        <RunStepList.Items>{(step) => <RunStep.Root step={step}>{step.id}</RunStep.Root>}</RunStepList.Items>
      </RunStepList.Root>,
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(100);
    unmount();
    render(
      <RunStepList.Root steps={manySteps(20)} virtualize estimateSize={200} isLoading>
        <RunStepList.Items>{(step) => <RunStep.Root step={step}>{step.id}</RunStep.Root>}</RunStepList.Items>
      </RunStepList.Root>,
    );
    expect(screen.getAllByRole('listitem').length).toBeLessThan(20);
    expect(screen.getByRole('list')).toHaveAttribute('aria-busy', 'true');
  });
});
