// The virtualizer inside the components, in jsdom: what the first commit mounts, scrolling, and the
// server render. jsdom has no layout, so a test that needs a real viewport sets clientHeight by hand.
import { act, render, screen, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RunStep, RunStepList, RunTimeline } from '../../src/primitives';
import type { RunStep as RunStepData } from '../../src/api/schemas/run-step';
import { ListVirtualizer } from '../../src/primitives/internal/listVirtualizer';
import { FALLBACK_VIEWPORT } from '../../src/primitives/internal/useListVirtualizer';
import './cleanup';
import { T0, makeRun, manySteps } from './fixtures';

/** A ref that gives the scroll container the size a browser would lay out. */
const sized = (height: number) => (element: HTMLElement | null) => {
  if (element) Object.defineProperties(element, { clientHeight: { value: height, configurable: true }, clientWidth: { value: 600, configurable: true } });
};

const longRun = makeRun({ completed_at: T0 + 10_001 });

describe('useListVirtualizer', () => {
  it('mounts only the bars that fit from the first commit, never the fallback viewport’s', () => {
    const rendered = new Set<string>();
    const bar = (step: RunStepData) => {
      rendered.add(step.id);
      return <RunTimeline.Bar step={step} />;
    };
    render(
      <RunTimeline.Root run={longRun} steps={manySteps(10_000)} rowHeight={28}>
        <RunTimeline.List ref={sized(280)}>
          <RunTimeline.Bars>{bar}</RunTimeline.Bars>
        </RunTimeline.List>
      </RunTimeline.Root>,
    );
    // 280 px / 28 px = 10 bars, plus 5 overscan; 600 px of fallback would have been 27.
    expect(within(screen.getByRole('listbox')).getAllByRole('option')).toHaveLength(15);
    expect(rendered.size).toBe(15);
  });

  it('brings the middle rows of 10 000 steps in when scrolled there, keyed and placed by index', () => {
    render(
      <RunStepList.Root steps={manySteps(10_000)} estimateSize={40} ref={sized(400)}>
        <RunStepList.Items>{(step) => <RunStep.Root step={step}>{step.id}</RunStep.Root>}</RunStepList.Items>
      </RunStepList.Root>,
    );
    const list = screen.getByRole('list', { name: 'Run steps' });
    act(() => {
      list.scrollTop = 200_000; // row 5000 at the top
      list.dispatchEvent(new Event('scroll'));
    });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(Array.from({ length: 20 }, (_, index) => `step_${4995 + index}`));
    const row = items[5]!.parentElement!;
    expect(row.dataset.index).toBe('5000');
    expect(row.style.transform).toBe('translateY(200000px)');
    expect(list.querySelector<HTMLElement>('[data-virtual-sizer]')!.style.height).toBe('400000px');
  });

  it('renders the fallback viewport’s first rows on the server', () => {
    const html = renderToString(
      <RunStepList.Root steps={manySteps(10_000)} estimateSize={40}>
        <RunStepList.Items>{(step) => <RunStep.Root step={step}>{step.id}</RunStep.Root>}</RunStepList.Items>
      </RunStepList.Root>,
    );
    const rows = html.match(/data-step-id="/g) ?? [];
    expect(rows).toHaveLength(FALLBACK_VIEWPORT.height / 40 + 5);
    expect(html).toContain('data-step-id="step_0"');
  });

  it('scrollToIndex brings an unmounted row into view from its offset, aligned as asked, clamped to the list', () => {
    const element = document.createElement('div');
    sized(280)(element);
    let changes = 0;
    const virtualizer = new ListVirtualizer(() => changes++);
    // Rows of 28 px, every tenth 60 px (a bar with sub-rows): offsets come from the size function.
    virtualizer.setOptions({ items: manySteps(10_000), estimateSize: (index) => (index % 10 === 0 ? 60 : 28), overscan: 5 });
    virtualizer.attach(element);
    // Rows above `index`: ceil(index / 10) tall ones, the rest 28 px.
    const top = (index: number) => Math.ceil(index / 10) * 60 + (index - Math.ceil(index / 10)) * 28;
    expect(virtualizer.getTotalSize()).toBe(1000 * 60 + 9000 * 28);
    // auto: the row's bottom lands on the viewport's bottom.
    expect(virtualizer.scrollToIndex(5000)).toBe(true);
    expect(element.scrollTop).toBe(top(5000) + 60 - 280);
    expect(virtualizer.getVirtualItems().map((item) => item.index)).toContain(5000);
    // Already in view: nothing moves.
    expect(virtualizer.scrollToIndex(4999)).toBe(false);
    expect(virtualizer.scrollToIndex(5000, 'start')).toBe(true);
    expect(element.scrollTop).toBe(top(5000));
    virtualizer.scrollToIndex(5001, 'center');
    expect(element.scrollTop).toBe(top(5001) - (280 - 28) / 2);
    virtualizer.scrollToIndex(10, 'auto');
    expect(element.scrollTop).toBe(top(10));
    virtualizer.scrollToIndex(99_999, 'start');
    expect(element.scrollTop).toBe(virtualizer.getTotalSize() - 280);
    virtualizer.scrollToIndex(-3, 'end');
    expect(element.scrollTop).toBe(0);
    // The caller re-renders; the virtualizer does not ask for it.
    expect(changes).toBe(0);
  });
});
