'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { cn } from '../cn.js';

/** What the details pane shows before a step is picked; children replace the default text. */
export const StepDetailsEmpty = forwardRef<HTMLDivElement, ComponentPropsWithoutRef<'div'>>(function StepDetailsEmpty(
  { children, className, ...props },
  ref,
) {
  return (
    <div {...props} ref={ref} data-slot="step-details-empty" className={cn('rl-step-details-empty', className)}>
      <p className="rl-empty">{children ?? 'Select a step to see its details'}</p>
    </div>
  );
});
StepDetailsEmpty.displayName = 'StepDetailsView.Empty';
