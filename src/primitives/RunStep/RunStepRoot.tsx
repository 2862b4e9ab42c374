'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { RunStep } from '../../api/schemas/run-step.js';
import { RunStepContext } from './RunStepContext.js';
import { RunStepDetails } from './RunStepDetails.js';

export interface RunStepRootProps extends ComponentPropsWithoutRef<'div'> {
  step: RunStep;
}

/**
 * One step as a `role="listitem"` with `data-step-type` (message_creation | tool_calls | unknown)
 * and `data-state` (its status). Children default to `<RunStep.Details />`.
 */
export const RunStepRoot = forwardRef<HTMLDivElement, RunStepRootProps>(function RunStepRoot(
  { step, children, ...props },
  ref,
) {
  const details = step.step_details;
  return (
    <RunStepContext.Provider value={step}>
      <div
        role="listitem"
        data-step-type={details.type}
        data-original-type={details.type === 'unknown' ? details.original_type : undefined}
        data-state={step.status}
        data-step-id={step.id}
        {...props}
        ref={ref}
      >
        {children ?? <RunStepDetails />}
      </div>
    </RunStepContext.Provider>
  );
});
RunStepRoot.displayName = 'RunStep.Root';
