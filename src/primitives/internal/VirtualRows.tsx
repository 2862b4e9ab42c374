'use client';

import { memo, useCallback, useMemo, useRef, type ReactNode } from 'react';
import type { ListVirtualizer } from './listVirtualizer.js';

export interface VirtualRowsProps<T> {
  virtualizer: ListVirtualizer;
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
            virtualizer={measure ? virtualizer : undefined}
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
  /** Set when the row is measured. */
  virtualizer: ListVirtualizer | undefined;
  item: unknown;
  renderItem: (item: unknown, index: number) => ReactNode;
}

// Memoized: a scroll frame re-renders the list, but a row already on screen keeps its props
// (same item, same offset), so only rows entering the window render. A row that only moved (a row
// above it was measured) re-renders its wrapper, not its content.
const VirtualRow = memo(function VirtualRow({ index, start, height, virtualizer, item, renderItem }: VirtualRowProps) {
  const measureRef = useMeasureRef(virtualizer);
  const content = useMemo(() => renderItem(item, index), [renderItem, item, index]);
  return (
    <div
      data-index={index}
      ref={virtualizer ? measureRef : undefined}
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', height, transform: `translateY(${start}px)` }}
    >
      {content}
    </div>
  );
});

/** The row's own ref callback: it remembers its element, so a detach (null) unobserves that one. */
function useMeasureRef(virtualizer: ListVirtualizer | undefined) {
  const attached = useRef<HTMLElement | null>(null);
  return useCallback(
    (element: HTMLElement | null) => {
      if (attached.current && attached.current !== element) virtualizer?.unmeasureElement(attached.current);
      attached.current = element;
      if (element) virtualizer?.measureElement(element);
    },
    [virtualizer],
  );
}
