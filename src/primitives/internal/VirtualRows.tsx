'use client';

import { memo, type ReactNode } from 'react';
import type { useListVirtualizer } from './useListVirtualizer.js';

type Virtualizer = ReturnType<typeof useListVirtualizer>;

export interface VirtualRowsProps<T> {
  virtualizer: Virtualizer;
  items: readonly T[];
  /** Keep it stable across scrolls (pass the caller's render prop, not a new arrow): rows re-render only when it or their item changes. */
  renderItem: (item: T, index: number) => ReactNode;
  /** Measure each row's real height (steps vary); false for fixed-height rows. */
  measure: boolean;
}

/**
 * The sizer and absolutely positioned rows of a virtual list. Inline styles here are the
 * layout-critical ones virtualization needs; the wrappers carry no role so the list's
 * `listitem` children stay its accessibility children.
 */
export function VirtualRows<T>({ virtualizer, items, renderItem, measure }: VirtualRowsProps<T>) {
  return (
    <div data-virtual-sizer="" style={{ position: 'relative', width: '100%', height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => {
        const item = items[row.index];
        if (item === undefined) return null;
        return (
          <VirtualRow
            key={row.key}
            index={row.index}
            start={row.start}
            height={measure ? undefined : row.size}
            measureRef={measure ? virtualizer.measureElement : undefined}
            item={item}
            renderItem={renderItem as VirtualRowProps['renderItem']}
          />
        );
      })}
    </div>
  );
}

interface VirtualRowProps {
  index: number;
  start: number;
  height: number | undefined;
  measureRef: Virtualizer['measureElement'] | undefined;
  item: unknown;
  renderItem: (item: unknown, index: number) => ReactNode;
}

// Memoized: a scroll frame re-renders the list, but a row already on screen keeps its props
// (same item, same offset), so only rows entering the window render.
const VirtualRow = memo(function VirtualRow({ index, start, height, measureRef, item, renderItem }: VirtualRowProps) {
  return (
    <div
      data-index={index}
      ref={measureRef}
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', height, transform: `translateY(${start}px)` }}
    >
      {renderItem(item, index)}
    </div>
  );
});
