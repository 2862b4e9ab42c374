'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useToolOutputsFormContext } from './ToolOutputsFormContext.js';

export interface ToolOutputsFormSubmitProps extends Omit<ComponentPropsWithoutRef<'button'>, 'type'> {}

/** "Submit tool outputs": disabled while submitting, when the form is disabled, or with no calls. */
export const ToolOutputsFormSubmit = forwardRef<HTMLButtonElement, ToolOutputsFormSubmitProps>(
  function ToolOutputsFormSubmit({ disabled, children, ...props }, ref) {
    const { blocked, isSubmitting, plans } = useToolOutputsFormContext('Submit');
    const isDisabled = Boolean(disabled) || blocked || plans.length === 0;
    return (
      <button
        type="submit"
        disabled={isDisabled}
        aria-busy={isSubmitting || undefined}
        data-disabled={isDisabled ? '' : undefined}
        data-loading={isSubmitting ? '' : undefined}
        {...props}
        ref={ref}
      >
        {children ?? 'Submit tool outputs'}
      </button>
    );
  },
);
ToolOutputsFormSubmit.displayName = 'ToolOutputsForm.Submit';
