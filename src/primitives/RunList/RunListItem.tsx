'use client';

import { forwardRef, memo, useCallback, type ComponentPropsWithoutRef } from 'react';
import type { Run } from '../../api/schemas/run.js';
import { runStatusLabel } from '../RunStatus/runStatusLabel.js';
import { composeEventHandlers } from '../internal/composeEventHandlers.js';
import { useComposedRefs } from '../internal/useComposedRefs.js';
import { useRunListItemContext } from './RunListContext.js';

export interface RunListItemProps extends ComponentPropsWithoutRef<'div'> {
  /** The run this option stands for; `data-state` is its status. */
  run: Run;
}

/**
 * One `role="option"`; children default to the run id and its status label. Memoized: a row whose
 * run object is unchanged (structural sharing keeps it) is skipped when the list refreshes.
 */
export const RunListItem = memo(
  forwardRef<HTMLDivElement, RunListItemProps>(function RunListItem(
    { run, children, onClick, onKeyDown, ...props },
    forwardedRef,
  ) {
    const context = useRunListItemContext('Item');
    const { registerItem } = context;
    const selected = context.value === run.id;
    const register = useCallback((node: HTMLDivElement | null) => registerItem(run.id, node), [registerItem, run.id]);
    const ref = useComposedRefs<HTMLDivElement>(forwardedRef, register);
    return (
      <div
        role="option"
        aria-selected={selected}
        tabIndex={context.tabbableId === run.id ? 0 : -1}
        data-state={run.status}
        data-selected={selected ? '' : undefined}
        data-run-id={run.id}
        {...props}
        ref={ref}
        onClick={composeEventHandlers(onClick, () => context.select(run.id))}
        onKeyDown={composeEventHandlers(onKeyDown, (event) => context.onItemKeyDown(event, run.id))}
      >
        {children ?? (
          <>
            <span data-part="id">{run.id}</span> <span data-part="status">{runStatusLabel(run.status)}</span>
          </>
        )}
      </div>
    );
  }),
);
RunListItem.displayName = 'RunList.Item';
