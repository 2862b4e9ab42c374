'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { UnknownToolCall } from '../../api/schemas/run-step.js';
import { prettyJson } from './prettyJson.js';

export interface UnknownCallProps extends ComponentPropsWithoutRef<'div'> {
  toolCall: UnknownToolCall;
}

/** A tool kind newer than this package: its original type and the object as JSON. */
export const UnknownCall = forwardRef<HTMLDivElement, UnknownCallProps>(function UnknownCall(
  { toolCall, children, ...props },
  ref,
) {
  return (
    <div data-tool-type="unknown" data-original-type={toolCall.original_type} {...props} ref={ref}>
      {children ?? (
        <>
          <code data-part="name">{toolCall.original_type}</code>
          <pre data-format="json">{prettyJson(toolCall)}</pre>
        </>
      )}
    </div>
  );
});
UnknownCall.displayName = 'ToolCall.Unknown';
