// @vitest-environment node
// The virtual list's arithmetic: no DOM needed.
import { describe, expect, it } from 'vitest';
import { rowAt, rowOffsets, visibleRange } from '../../src/primitives/internal/virtualWindow';

const sizes = [40, 10, 30, 20];

describe('rowOffsets', () => {
  it('are prefix sums: each row starts where the previous ends, the last entry is the total', () => {
    expect([...rowOffsets(sizes.length, (index) => sizes[index]!)]).toEqual([0, 40, 50, 80, 100]);
    expect([...rowOffsets(0, () => 1)]).toEqual([0]);
  });
});

describe('rowAt', () => {
  const offsets = rowOffsets(sizes.length, (index) => sizes[index]!);

  it('finds the row under a pixel; a row owns its top edge, not its bottom', () => {
    expect([0, 39, 40, 49.5, 50, 80, 99].map((y) => rowAt(offsets, y))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it('clamps above the first and past the last row', () => {
    expect(rowAt(offsets, -10)).toBe(0);
    expect(rowAt(offsets, 100)).toBe(3);
    expect(rowAt(offsets, 1e9)).toBe(3);
  });

  it('agrees with a linear scan over 10 000 rows of uneven height', () => {
    const heights = Array.from({ length: 10_000 }, (_, index) => 20 + ((index * 7919) % 61));
    const many = rowOffsets(heights.length, (index) => heights[index]!);
    for (const y of [0, 1, 19, 20, 12_345.5, 250_000, many[5000]!, many[5000]! - 0.5, many[9999]!]) {
      let linear = 0;
      while (linear < heights.length - 1 && many[linear + 1]! <= y) linear++;
      expect(rowAt(many, y)).toBe(linear);
    }
  });
});

describe('visibleRange', () => {
  const offsets = rowOffsets(100, () => 10);

  it('is the rows that intersect the viewport, widened by the overscan', () => {
    // 250..350 px: rows 25..34 are in view.
    expect(visibleRange(offsets, 250, 100, 0)).toEqual({ start: 25, end: 34 });
    expect(visibleRange(offsets, 255, 100, 0)).toEqual({ start: 25, end: 35 });
    expect(visibleRange(offsets, 250, 100, 5)).toEqual({ start: 20, end: 39 });
  });

  it('stops at both ends of the list', () => {
    expect(visibleRange(offsets, 0, 100, 5)).toEqual({ start: 0, end: 14 });
    expect(visibleRange(offsets, 950, 100, 5)).toEqual({ start: 90, end: 99 });
    expect(visibleRange(offsets, 0, 5000, 5)).toEqual({ start: 0, end: 99 });
  });

  it('is empty for no rows, one row (plus overscan) for a zero-height viewport', () => {
    const none = visibleRange(rowOffsets(0, () => 10), 0, 600, 5);
    expect(none.end).toBeLessThan(none.start);
    expect(visibleRange(offsets, 100, 0, 2)).toEqual({ start: 8, end: 12 });
  });
});
