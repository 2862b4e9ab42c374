'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { FunctionToolCall } from '../../api/schemas/run-step.js';
import { JsonBlock } from './JsonBlock.js';

export interface FunctionCallProps extends ComponentPropsWithoutRef<'div'> {
  toolCall: FunctionToolCall;
}

/** A function call: its name, arguments and (once submitted) output, as JSON where they parse. */
export const FunctionCall = forwardRef<HTMLDivElement, FunctionCallProps>(function FunctionCall(
  { toolCall, children, ...props },
  ref,
) {
  const { name, arguments: args, output } = toolCall.function;
  return (
    <div data-tool-type="function" {...props} ref={ref}>
      {children ?? (
        <>
          <code data-part="name">{name}</code>
          <div data-part="arguments">
            <span data-part="label">Arguments</span>
            <JsonBlock text={args} />
          </div>
          <div data-part="output" data-state={output == null ? 'pending' : 'done'}>
            <span data-part="label">Output</span>
            {output == null ? <span>No output yet</span> : <JsonBlock text={output} />}
          </div>
        </>
      )}
    </div>
  );
});
FunctionCall.displayName = 'ToolCall.Function';
