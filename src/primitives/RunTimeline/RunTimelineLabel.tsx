'use client';

import { forwardRef, useContext, type ComponentPropsWithoutRef } from 'react';
import { RunTimelineBarContext } from './RunTimelineContext.js';
import { stepLabel } from './stepLabel.js';

export interface RunTimelineLabelProps extends ComponentPropsWithoutRef<'span'> {}

/** What the enclosing Bar's step is: "Message", or its tool names (`stepLabel`). Renders nothing outside a Bar. */
export const RunTimelineLabel = forwardRef<HTMLSpanElement, RunTimelineLabelProps>(function RunTimelineLabel({ children, ...props }, ref) {
  const row = useContext(RunTimelineBarContext);
  if (!row) return null;
  return (
    <span data-part="step-label" {...props} ref={ref}>
      {children ?? stepLabel(row.step)}
    </span>
  );
});
RunTimelineLabel.displayName = 'RunTimeline.Label';
