'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { RunStatus } from '../../api/schemas/run.js';
import { runStatusLabel } from './runStatusLabel.js';

export interface RunStatusRootProps extends ComponentPropsWithoutRef<'span'> {
  /** The run's status; also set as `data-state`. */
  status: RunStatus;
  /**
   * Text to show instead of the built-in label (children win over both).
   * @default runStatusLabel(status)
   */
  label?: string;
}

/** A live status badge: `<span role="status" aria-live="polite" data-state={status}>`. */
export const RunStatusRoot = forwardRef<HTMLSpanElement, RunStatusRootProps>(function RunStatusRoot(
  { status, label, children, ...props },
  ref,
) {
  return (
    <span role="status" aria-live="polite" data-state={status} {...props} ref={ref}>
      {children ?? label ?? runStatusLabel(status)}
    </span>
  );
});
RunStatusRoot.displayName = 'RunStatus.Root';
