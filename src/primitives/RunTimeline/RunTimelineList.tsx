'use client';

import { forwardRef, useCallback, useEffect, useMemo, useReducer, useRef, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import { composeEventHandlers } from '../internal/composeEventHandlers.js';
import { useComposedRefs } from '../internal/useComposedRefs.js';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect.js';
import { useListVirtualizer } from '../internal/useListVirtualizer.js';
import { RunTimelineListContext, useRunTimelineContext, type RunTimelineListContextValue } from './RunTimelineContext.js';
import { barRowHeight } from './rowSize.js';

export interface RunTimelineListProps extends ComponentPropsWithoutRef<'div'> {}

/** The DOM id of row `index`'s bar in the list `listId`. */
export const barDomId = (listId: string, index: number) => `${listId}-bar-${index}`;

/**
 * The `role="listbox"` of bars and their scroll container (give it a height when virtualized).
 * One tab stop: the last focused bar, else the selected one, else the first; ArrowUp/ArrowDown,
 * Home/End and PageUp/PageDown move focus, scrolling a virtualized list so the bar is mounted;
 * Escape hides the tooltip. `RunTimeline.Bars` renders one itself when placed outside a List.
 */
export const RunTimelineList = forwardRef<HTMLDivElement, RunTimelineListProps>(function RunTimelineList(
  { style, onKeyDown, onScroll, onFocus, children, ...props },
  forwardedRef,
) {
  const context = useRunTimelineContext('List');
  const { steps, virtualize, rowHeight, callRowHeight, indexOf, selectedStepId, tabStopId, setActiveStepId, pendingFocus, hideTip, tooltipId } = context;
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const ref = useComposedRefs<HTMLDivElement>(forwardedRef, scrollRef);
  const estimateSize = useCallback((index: number) => barRowHeight(steps[index]!, rowHeight, callRowHeight), [steps, rowHeight, callRowHeight]);
  const virtualizer = useListVirtualizer({ items: steps, enabled: virtualize, getScrollElement: () => scrollRef.current, estimateSize });
  const [version, rerender] = useReducer((count: number) => count + 1, 0);
  const listId = tooltipId.replace(/-tooltip$/, '-list');

  const scrollToIndex = useCallback(
    (index: number) => {
      if (virtualize) {
        if (virtualizer.scrollToIndex(index)) rerender();
        return;
      }
      // Every bar is mounted: let the browser bring it in (jsdom has no scrollIntoView).
      scrollRef.current?.querySelector<HTMLElement>(`[id="${barDomId(listId, index)}"]`)?.scrollIntoView?.({ block: 'nearest' });
    },
    [virtualize, virtualizer, listId],
  );
  const focusIndex = useCallback(
    (index: number) => {
      const step = steps[Math.min(Math.max(index, 0), steps.length - 1)];
      if (!step) return;
      const row = indexOf(step.id);
      setActiveStepId(step.id);
      scrollToIndex(row);
      const mounted = scrollRef.current?.querySelector<HTMLElement>(`[id="${barDomId(listId, row)}"]`);
      if (mounted) mounted.focus();
      // Not rendered yet: the bar focuses itself when it mounts (RunTimeline.Bar's layout effect).
      else pendingFocus.current = step.id;
    },
    [steps, indexOf, setActiveStepId, scrollToIndex, listId, pendingFocus],
  );
  useIsomorphicLayoutEffect(() => {
    context.list.current = { scrollToIndex, focusIndex };
  });

  // A selection made outside (the step list, a URL) brings its bar into view, once per change;
  // a step not loaded yet is scrolled to when its page arrives.
  const selectedIndex = indexOf(selectedStepId);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (selectedIndex < 0 || scrolledTo.current === selectedStepId) return;
    scrolledTo.current = selectedStepId;
    scrollToIndex(selectedIndex);
  }, [selectedStepId, selectedIndex, scrollToIndex]);

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = indexOf(tabStopId);
    const page = Math.max(1, Math.floor((virtualize ? virtualizer.getViewportHeight() : (scrollRef.current?.clientHeight ?? 0)) / rowHeight) - 1);
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: steps.length - 1,
      PageDown: current + page,
      PageUp: current - page,
    };
    if (event.key === 'Escape') {
      hideTip();
      return;
    }
    const target = targets[event.key];
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    focusIndex(Math.min(Math.max(target, 0), steps.length - 1));
  };

  // Only the tab stop is focusable; when wheel scrolling has unmounted it, the listbox itself takes
  // the tab and hands focus to that bar (scrolling it back in).
  const rows = virtualize ? virtualizer.getVirtualItems() : null;
  const stopIndex = indexOf(tabStopId);
  const stopMounted = !rows || rows.some((row) => row.index === stopIndex);
  const listContext = useMemo<RunTimelineListContextValue>(
    () => ({ virtualizer, listId, version }),
    // A new value after a scroll (`rows`, `version`), so Bars re-reads the rows to mount.
    [virtualizer, listId, version, rows],
  );
  return (
    <RunTimelineListContext.Provider value={listContext}>
      <div
        role="listbox"
        aria-label={context.label}
        tabIndex={stopMounted && steps.length > 0 ? undefined : 0}
        {...props}
        ref={ref}
        style={virtualize ? { overflowY: 'auto', position: 'relative', ...style } : style}
        onKeyDown={composeEventHandlers(onKeyDown, handleKeyDown)}
        onScroll={composeEventHandlers(onScroll, () => hideTip('hover'))}
        onFocus={composeEventHandlers(onFocus, (event) => {
          if (event.target === event.currentTarget && stopIndex >= 0) focusIndex(stopIndex);
        })}
      >
        {children}
      </div>
    </RunTimelineListContext.Provider>
  );
});
RunTimelineList.displayName = 'RunTimeline.List';
