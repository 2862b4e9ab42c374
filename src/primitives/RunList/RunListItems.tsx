'use client';

import { Fragment, type ReactNode } from 'react';
import type { Run } from '../../api/schemas/run.js';
import { useRunListContext } from './RunListContext.js';
import { RunListItem } from './RunListItem.js';

export interface RunListItemsProps {
  /**
   * Renders one run, normally as a `<RunList.Item run={run}>`.
   * @default (run) => <RunList.Item run={run} />
   */
  children?: (run: Run) => ReactNode;
}

/** Maps the Root's `runs`, so the Root stays the one owner of order and selection. */
export function RunListItems({ children }: RunListItemsProps) {
  const { runs } = useRunListContext('Items');
  return (
    <>
      {runs.map((run) => (
        <Fragment key={run.id}>{children ? children(run) : <RunListItem run={run} />}</Fragment>
      ))}
    </>
  );
}
RunListItems.displayName = 'RunList.Items';
