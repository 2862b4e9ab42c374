'use client';

import { forwardRef, useContext, type ComponentPropsWithoutRef } from 'react';
import type { Run } from '../../api/schemas/run.js';
import { RunListContext } from './RunListContext.js';

export interface RunListEmptyProps extends ComponentPropsWithoutRef<'div'> {
  /** Needed only outside `RunList.Root`; inside, the Root's `runs` are used. */
  runs?: readonly Run[];
  /**
   * Needed only outside `RunList.Root`.
   * @default false
   */
  isLoading?: boolean;
}

/** Renders its children only when there are no runs and nothing is loading. */
export const RunListEmpty = forwardRef<HTMLDivElement, RunListEmptyProps>(function RunListEmpty(
  { runs, isLoading, ...props },
  ref,
) {
  const context = useContext(RunListContext);
  const list = runs ?? context?.runs ?? [];
  const loading = isLoading ?? context?.isLoading ?? false;
  if (list.length > 0 || loading) return null;
  return <div data-empty="" {...props} ref={ref} />;
});
RunListEmpty.displayName = 'RunList.Empty';
