'use client';

import { forwardRef, useCallback, useMemo, useRef, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { Run } from '../../api/schemas/run.js';
import { useControllableState } from '../internal/useControllableState.js';
import { RunListContext, RunListItemContext, type RunListContextValue, type RunListItemContextValue } from './RunListContext.js';

export interface RunListRootProps extends Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue' | 'onChange'> {
  /** The runs, in display order (the list owns the data; `RunList.Items` maps it). */
  runs: readonly Run[];
  /** Selected run id (controlled). `null` means nothing selected. */
  value?: string | null;
  /**
   * Selected run id when uncontrolled.
   * @default null
   */
  defaultValue?: string | null;
  /** Called with the run id on click, Enter/Space or arrow-key navigation. */
  onValueChange?(runId: string): void;
  /**
   * Sets `aria-busy` and `data-loading`; `RunList.Empty` stays hidden meanwhile.
   * @default false
   */
  isLoading?: boolean;
  /**
   * Accessible name of the listbox.
   * @default 'Runs'
   */
  label?: string;
}

const navigationKeys = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End']);

/**
 * A single-select `role="listbox"` of runs with a roving tabindex: arrows/Home/End move focus and
 * selection together. Put `RunList.LoadOlder`/`LoadNewer` next to it, not inside: a listbox may
 * only own options.
 */
export const RunListRoot = forwardRef<HTMLDivElement, RunListRootProps>(function RunListRoot(
  { runs, value: valueProp, defaultValue = null, onValueChange, isLoading = false, label = 'Runs', children, ...props },
  ref,
) {
  const [value, setValue] = useControllableState<string | null>(
    valueProp,
    defaultValue,
    onValueChange as ((next: string | null) => void) | undefined,
  );
  const items = useRef(new Map<string, HTMLElement>());

  const select = useCallback((runId: string) => setValue(runId), [setValue]);
  const registerItem = useCallback((runId: string, node: HTMLElement | null) => {
    if (node) items.current.set(runId, node);
    else items.current.delete(runId);
  }, []);

  // Read through a ref, so the handler (and with it every row's context) survives a list refresh.
  const runsRef = useRef(runs);
  runsRef.current = runs;
  const onItemKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>, runId: string) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault(); // Space would scroll the page
        select(runId);
        return;
      }
      const list = runsRef.current;
      if (!navigationKeys.has(event.key) || list.length === 0) return;
      event.preventDefault();
      const index = list.findIndex((run) => run.id === runId);
      const last = list.length - 1;
      const nextIndex =
        event.key === 'Home' ? 0
        : event.key === 'End' ? last
        : event.key === 'ArrowDown' ? Math.min(index + 1, last)
        : Math.max(index - 1, 0);
      const next = list[nextIndex];
      if (!next) return;
      select(next.id);
      items.current.get(next.id)?.focus();
    },
    [select],
  );

  const tabbableId = runs.some((run) => run.id === value) ? value : (runs[0]?.id ?? null);
  const listContext = useMemo<RunListContextValue>(() => ({ runs, isLoading }), [runs, isLoading]);
  const itemContext = useMemo<RunListItemContextValue>(
    () => ({ value, tabbableId, select, registerItem, onItemKeyDown }),
    [value, tabbableId, select, registerItem, onItemKeyDown],
  );

  return (
    <RunListContext.Provider value={listContext}>
      <RunListItemContext.Provider value={itemContext}>
        <div
          role="listbox"
          aria-label={label}
          aria-orientation="vertical"
          aria-busy={isLoading || undefined}
          data-loading={isLoading ? '' : undefined}
          {...props}
          ref={ref}
        >
          {children}
        </div>
      </RunListItemContext.Provider>
    </RunListContext.Provider>
  );
});
RunListRoot.displayName = 'RunList.Root';
