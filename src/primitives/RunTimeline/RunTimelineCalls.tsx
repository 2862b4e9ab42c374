'use client';

import { forwardRef, useContext, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import { RunTimelineBarContext } from './RunTimelineContext.js';
import { stepCalls } from './stepLabel.js';

export interface RunTimelineCallsProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** Renders one call's sub-row content. @default (call) => call.name */
  children?: (call: { id: string; name: string }, index: number) => ReactNode;
}

/**
 * The parallel calls of the enclosing Bar's tool_calls step: one thin `data-part="call"` row per
 * call, named by its tool (`aria-hidden`: the Bar's name carries the names). Nothing for a step with fewer than two calls. The Root sizes each at
 * `callRowHeight` px when virtualized.
 */
export const RunTimelineCalls = forwardRef<HTMLDivElement, RunTimelineCallsProps>(function RunTimelineCalls({ children, ...props }, ref) {
  const row = useContext(RunTimelineBarContext);
  const calls = row ? stepCalls(row.step) : [];
  if (calls.length < 2) return null;
  return (
    // aria-hidden: the bar's name already lists the calls' names (counted); repeating each here
    // would also make the visible text differ from that name.
    <div data-part="calls" aria-hidden {...props} ref={ref}>
      {calls.map((call, index) => (
        <div key={call.id} data-part="call">
          {children ? children(call, index) : call.name}
        </div>
      ))}
    </div>
  );
});
RunTimelineCalls.displayName = 'RunTimeline.Calls';
