'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { deadlineState } from './deadlineState.js';

export interface DeadlineRootProps extends ComponentPropsWithoutRef<'span'> {
  /** The run's `expires_at` in unix seconds; `null` renders nothing. */
  expiresAt: number | null;
  /** Current time in ms; pass a ticking value to count down. */
  now: number;
}

/** `role="timer"` countdown: "9:58 left" / "Expired", `data-state` ok | soon (< 60 s) | expired. */
export const DeadlineRoot = forwardRef<HTMLSpanElement, DeadlineRootProps>(function DeadlineRoot(
  { expiresAt, now, children, ...props },
  ref,
) {
  if (expiresAt == null) return null;
  const deadline = deadlineState(expiresAt, now);
  return (
    <span role="timer" data-state={deadline.state} {...props} ref={ref}>
      {children ?? deadline.label}
    </span>
  );
});
DeadlineRoot.displayName = 'Deadline.Root';
