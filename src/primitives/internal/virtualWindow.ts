// The arithmetic of a virtual list, with no DOM and no React: prefix offsets and the window of rows in view.

/** Rows to render: `start`..`end` inclusive (empty when `end < start`). */
export interface RowRange {
  start: number;
  end: number;
}

export const EMPTY_RANGE: RowRange = { start: 0, end: -1 };

/** Prefix offsets of `count` rows: `offsets[i]` is row i's top, `offsets[count]` the total height. */
export function rowOffsets(count: number, sizeAt: (index: number) => number): Float64Array {
  const offsets = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) offsets[i + 1] = offsets[i]! + sizeAt(i);
  return offsets;
}

/** The first index with `offsets[i] > y` (`>= y` when `inclusive`), or `offsets.length`: a binary search. */
function firstOffsetPast(offsets: Float64Array, y: number, inclusive: boolean): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const value = offsets[mid]!;
    if (inclusive ? value >= y : value > y) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The row under pixel `y` of the content (clamped to the first and last row). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  return Math.min(Math.max(firstOffsetPast(offsets, y, false) - 1, 0), Math.max(count - 1, 0));
}

/** The rows that intersect `[scrollOffset, scrollOffset + viewportHeight)`, widened by `overscan` on each side. */
export function visibleRange(offsets: Float64Array, scrollOffset: number, viewportHeight: number, overscan: number): RowRange {
  const count = offsets.length - 1;
  if (count <= 0) return EMPTY_RANGE;
  const first = rowAt(offsets, scrollOffset);
  const last = Math.min(Math.max(firstOffsetPast(offsets, scrollOffset + viewportHeight, true) - 1, first), count - 1);
  return { start: Math.max(first - overscan, 0), end: Math.min(last + overscan, count - 1) };
}
