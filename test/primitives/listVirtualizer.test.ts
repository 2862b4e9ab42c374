// ListVirtualizer without React, against a jsdom element whose viewport size is set by hand
// (jsdom has no layout: clientHeight is always 0 there).
import { afterEach, describe, expect, it } from 'vitest';
import { FALLBACK_VIEWPORT, ListVirtualizer } from '../../src/primitives/internal/listVirtualizer';

const itemsOf = (count: number) => Array.from({ length: count }, (_, index) => ({ id: `step_${index}` }));

function scrollElement(height: number, width = 300): HTMLElement {
  const element = document.createElement('div');
  Object.defineProperties(element, { clientHeight: { value: height }, clientWidth: { value: width } });
  document.body.append(element);
  return element;
}

function scrollTo(element: HTMLElement, top: number): void {
  element.scrollTop = top;
  element.dispatchEvent(new Event('scroll'));
}

function setup(count: number, { estimateSize = 40, overscan = 2, height = 400 } = {}) {
  const changes = { count: 0 };
  const virtualizer = new ListVirtualizer(() => changes.count++);
  const items = itemsOf(count);
  virtualizer.setOptions({ items, estimateSize, overscan });
  const element = scrollElement(height);
  virtualizer.attach(element);
  return { virtualizer, items, element, changes };
}

const indexes = (virtualizer: ListVirtualizer) => virtualizer.getVirtualItems().map((row) => row.index);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ListVirtualizer', () => {
  it('renders the rows in view plus overscan, keyed by item id, placed by the estimate until measured', () => {
    const { virtualizer } = setup(1000);
    const rows = virtualizer.getVirtualItems();
    // 400 px / 40 px = rows 0..9 in view, 2 more below.
    expect(rows.map((row) => row.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(rows[3]).toEqual({ index: 3, key: 'step_3', start: 120, size: 40 });
    expect(virtualizer.getTotalSize()).toBe(40_000);
  });

  it('totals measured sizes and estimates; a row measured at 0 px keeps its estimate', () => {
    const { virtualizer } = setup(10);
    expect(virtualizer.resizeRow('step_0', 100)).toBe(true);
    expect(virtualizer.resizeRow('step_1', 0)).toBe(false);
    expect(virtualizer.resizeRow('step_0', 100)).toBe(false);
    expect(virtualizer.getTotalSize()).toBe(100 + 9 * 40);
    expect(virtualizer.getVirtualItems()[1]).toEqual({ index: 1, key: 'step_1', start: 100, size: 40 });
  });

  it('shifts the rows below a resized one in place, to the same offsets a rebuild gives', () => {
    const { virtualizer, items } = setup(50);
    virtualizer.getVirtualItems();
    virtualizer.resizeRows([['step_3', 55], ['step_7', 12], ['step_3', 61], ['step_40', 90]]);
    const shifted = virtualizer.getVirtualItems().map((row) => row.start);
    const total = virtualizer.getTotalSize();
    virtualizer.setOptions({ items: [...items], estimateSize: 40, overscan: 2 });
    expect(virtualizer.getVirtualItems().map((row) => row.start)).toEqual(shifted);
    expect(virtualizer.getTotalSize()).toBe(total);
    expect(total).toBe(47 * 40 + 61 + 12 + 90);
  });

  it('keeps a measured size with its item when rows are inserted before it', () => {
    const { virtualizer, items } = setup(10);
    virtualizer.resizeRow('step_1', 90);
    virtualizer.setOptions({ items: [{ id: 'new' }, ...items], estimateSize: 40, overscan: 2 });
    expect(virtualizer.getVirtualItems()[2]).toEqual({ index: 2, key: 'step_1', start: 80, size: 90 });
  });

  it('asks for a render on scroll only when the window of rows moves', () => {
    const { virtualizer, element, changes } = setup(1000);
    virtualizer.getVirtualItems();
    scrollTo(element, 10); // row 10 peeks in at the bottom: rows 0..12
    expect(changes.count).toBe(1);
    expect(indexes(virtualizer).at(-1)).toBe(12);
    scrollTo(element, 30); // still rows 0..12
    expect(changes.count).toBe(1);
    scrollTo(element, 20_000); // the middle: row 500 at the top
    expect(changes.count).toBe(2);
    expect(indexes(virtualizer)).toEqual([498, 499, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511]);
  });

  it('does not walk the items on a scroll frame: offsets are computed once per items or size change', () => {
    const reads = { count: 0 };
    const items = new Proxy(itemsOf(10_000), {
      get(target, property, receiver) {
        if (typeof property === 'string' && /^\d+$/.test(property)) reads.count++;
        return Reflect.get(target, property, receiver);
      },
    });
    const virtualizer = new ListVirtualizer(() => virtualizer.getVirtualItems());
    virtualizer.setOptions({ items, estimateSize: 40, overscan: 2 });
    const element = scrollElement(400);
    virtualizer.attach(element);
    virtualizer.getVirtualItems();
    let mostReadsInAFrame = 0;
    for (let top = 0; top < 100_000; top += 250) {
      reads.count = 0;
      scrollTo(element, top);
      mostReadsInAFrame = Math.max(mostReadsInAFrame, reads.count);
    }
    // A frame reads only the rendered rows' items (their keys), never all 10 000.
    expect(mostReadsInAFrame).toBeGreaterThan(0);
    expect(mostReadsInAFrame).toBeLessThan(50);
    expect(indexes(virtualizer)[0]).toBe(2491);
  });

  it('moves the scroll position by the change of a row above the viewport, and not for one below', () => {
    const { virtualizer, element } = setup(1000);
    scrollTo(element, 4000); // row 100 at the top
    const rows = virtualizer.getVirtualItems();
    expect(rows[0]!.key).toBe('step_98');
    virtualizer.resizeRows([['step_98', 70]]); // above the top edge: +30 px
    expect(element.scrollTop).toBe(4030);
    virtualizer.resizeRows([['step_105', 10]]); // in view, below the top: content below moves, the top row does not
    expect(element.scrollTop).toBe(4030);
    // The row at the top of the viewport is still row 100, now 30 px further down.
    expect(virtualizer.getVirtualItems().find((row) => row.key === 'step_100')!.start).toBe(4030);
  });

  it('reads the viewport when attached; a zero-size element counts as the fallback viewport', () => {
    const virtualizer = new ListVirtualizer(() => {});
    virtualizer.setOptions({ items: itemsOf(1000), estimateSize: 40, overscan: 0 });
    virtualizer.attach(scrollElement(0, 0));
    expect(virtualizer.viewport).toEqual(FALLBACK_VIEWPORT);
    expect(indexes(virtualizer)).toHaveLength(FALLBACK_VIEWPORT.height / 40);
  });

  it('shows no rows before it has an element unless told to guess (server render, hydration)', () => {
    const virtualizer = new ListVirtualizer(() => {});
    virtualizer.setOptions({ items: itemsOf(1000), estimateSize: 40, overscan: 0 });
    virtualizer.guessViewport = false;
    expect(virtualizer.getVirtualItems()).toEqual([]);
    virtualizer.guessViewport = true;
    expect(indexes(virtualizer)).toHaveLength(FALLBACK_VIEWPORT.height / 40);
  });

  it('stops listening when detached', () => {
    const { virtualizer, element, changes } = setup(1000);
    virtualizer.getVirtualItems();
    virtualizer.detach();
    scrollTo(element, 20_000);
    expect(changes.count).toBe(0);
  });
});
