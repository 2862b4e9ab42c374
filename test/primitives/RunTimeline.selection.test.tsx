// Selection linked to steps: listbox roles, roving focus over a virtualized list, controlled and
// uncontrolled selection, scrolling to a selection made outside, and the imperative handle.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunStep } from '../../src/api/schemas';
import { RunTimeline, type RunTimelineHandle } from '../../src/primitives';
import './cleanup';
import { emulatedRun, type EmulatedRun } from './RunTimeline.emulated';

/** A ref that gives the scroll container the size a browser would lay out. */
const sized = (height: number) => (element: HTMLElement | null) => {
  if (element) Object.defineProperties(element, { clientHeight: { value: height, configurable: true }, clientWidth: { value: 600, configurable: true } });
};

let bulk: EmulatedRun;
beforeAll(async () => {
  // 200 tool steps and a message: virtualized (over 50 rows).
  bulk = await emulatedRun({ scenario: 'bulk', metadata: { 'emulator.steps': '200' } });
});

function Timeline(props: Partial<Parameters<typeof RunTimeline.Root>[0]> & { steps?: readonly RunStep[] }) {
  return (
    <RunTimeline.Root run={bulk.run} steps={bulk.steps} {...props}>
      <RunTimeline.List ref={sized(280)}>
        <RunTimeline.Bars />
      </RunTimeline.List>
    </RunTimeline.Root>
  );
}

const options = () => within(screen.getByRole('listbox', { name: 'Run timeline' })).getAllByRole('option');
const focusedStepId = () => (document.activeElement as HTMLElement | null)?.dataset.stepId;

describe('RunTimeline selection', () => {
  it('has one tab stop, the first bar, and moves focus with the arrow keys, Home, End and the page keys', async () => {
    const user = userEvent.setup();
    render(<Timeline />);
    expect(bulk.steps).toHaveLength(201);
    expect(options().filter((option) => option.tabIndex === 0).map((option) => option.dataset.stepId)).toEqual([bulk.steps[0]!.id]);
    await user.tab();
    expect(focusedStepId()).toBe(bulk.steps[0]!.id);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(focusedStepId()).toBe(bulk.steps[2]!.id);
    await user.keyboard('{ArrowUp}');
    expect(focusedStepId()).toBe(bulk.steps[1]!.id);
    // 280 px of 28 px rows: a page is 9 rows.
    await user.keyboard('{PageDown}');
    expect(focusedStepId()).toBe(bulk.steps[10]!.id);
    await user.keyboard('{PageUp}');
    expect(focusedStepId()).toBe(bulk.steps[1]!.id);
    // End: the last row was not mounted; it is scrolled in, mounted and focused.
    await user.keyboard('{End}');
    expect(focusedStepId()).toBe(bulk.steps[200]!.id);
    expect(screen.getByRole('listbox').scrollTop).toBe(201 * 28 - 280);
    expect(options().some((option) => option.dataset.stepId === bulk.steps[0]!.id)).toBe(false);
    await user.keyboard('{Home}');
    expect(focusedStepId()).toBe(bulk.steps[0]!.id);
    expect(screen.getByRole('listbox').scrollTop).toBe(0);
    // Still one tab stop: the focused bar.
    expect(options().filter((option) => option.tabIndex === 0)).toHaveLength(1);
    // Moving focus does not select.
    expect(options().filter((option) => option.getAttribute('aria-selected') === 'true')).toHaveLength(0);
  });

  it('selects with a click, Enter or Space when uncontrolled, and reports each', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const onSelectStep = vi.fn();
    render(<Timeline defaultSelectedStepId={bulk.steps[1]!.id} onSelectedStepIdChange={onChange} onSelectStep={onSelectStep} />);
    const selected = () => options().filter((option) => option.getAttribute('aria-selected') === 'true').map((option) => option.dataset.stepId);
    expect(selected()).toEqual([bulk.steps[1]!.id]);
    await user.click(options()[3]!);
    expect(selected()).toEqual([bulk.steps[3]!.id]);
    expect(options()[3]).toHaveAttribute('data-selected', '');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(selected()).toEqual([bulk.steps[4]!.id]);
    await user.keyboard('{ArrowDown} ');
    expect(selected()).toEqual([bulk.steps[5]!.id]);
    expect(onChange.mock.calls.map(([id]) => id)).toEqual([3, 4, 5].map((index) => bulk.steps[index]!.id));
    expect(onSelectStep.mock.calls).toEqual(onChange.mock.calls);
  });

  it('follows a controlled selectedStepId, and scrolls to its bar when it changes from outside', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const { rerender } = render(<Timeline selectedStepId={null} onSelectedStepIdChange={onChange} />);
    await user.click(options()[2]!);
    // Controlled: the click asks, the owner decides.
    expect(onChange).toHaveBeenCalledWith(bulk.steps[2]!.id);
    expect(options()[2]).toHaveAttribute('aria-selected', 'false');
    const far = bulk.steps[150]!;
    rerender(<Timeline selectedStepId={far.id} onSelectedStepIdChange={onChange} />);
    const bar = screen.getByRole('option', { selected: true });
    expect(bar.dataset.stepId).toBe(far.id);
    // Scrolled just far enough to show row 150 whole.
    expect(screen.getByRole('listbox').scrollTop).toBe(151 * 28 - 280);
    // A new selection becomes the tab stop.
    expect(options().filter((option) => option.tabIndex === 0).map((option) => option.dataset.stepId)).toEqual([far.id]);
  });

  it('makes the selected bar the tab stop when nothing was focused, and links both ways in an app', async () => {
    const user = userEvent.setup();
    function App() {
      const [selected, setSelected] = useState<string | null>(bulk.steps[7]!.id);
      return (
        <>
          <output data-testid="selected">{selected}</output>
          <Timeline selectedStepId={selected} onSelectedStepIdChange={setSelected} />
        </>
      );
    }
    render(<App />);
    await user.tab();
    expect(focusedStepId()).toBe(bulk.steps[7]!.id);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByTestId('selected')).toHaveTextContent(bulk.steps[8]!.id);
    expect(screen.getByRole('option', { selected: true }).dataset.stepId).toBe(bulk.steps[8]!.id);
  });

  it('focusStep(stepId) on the handle scrolls a far bar in and focuses it; the listbox takes the tab when its tab stop is unmounted', async () => {
    const user = userEvent.setup();
    const handle = createRef<RunTimelineHandle>();
    render(<Timeline handleRef={handle} />);
    const target = bulk.steps[120]!;
    act(() => {
      expect(handle.current!.focusStep(target.id)).toBe(true);
    });
    expect(focusedStepId()).toBe(target.id);
    expect(handle.current!.focusStep('step_missing')).toBe(false);
    // Scroll away (as a wheel would): the focused bar unmounts and the listbox becomes the tab stop…
    const list = screen.getByRole('listbox');
    act(() => {
      (document.activeElement as HTMLElement).blur();
      list.scrollTop = 0;
      list.dispatchEvent(new Event('scroll'));
    });
    expect(options().some((option) => option.dataset.stepId === target.id)).toBe(false);
    expect(list.tabIndex).toBe(0);
    // …and hands focus back to that bar.
    await user.tab();
    expect(focusedStepId()).toBe(target.id);
    act(() => {
      expect(handle.current!.scrollToStep(bulk.steps[0]!.id)).toBe(true);
    });
    expect(list.scrollTop).toBe(0);
  });

  it('still asks for the next page when the keyboard reaches the end of a virtualized list', async () => {
    const user = userEvent.setup();
    const onEndReached = vi.fn();
    render(<Timeline onEndReached={onEndReached} />);
    expect(onEndReached).not.toHaveBeenCalled();
    await user.tab();
    await user.keyboard('{End}');
    expect(onEndReached).toHaveBeenCalledTimes(1);
  });
});
