'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { ToolCall } from '../../api/schemas/run-step.js';
import { CodeInterpreterCall } from './CodeInterpreterCall.js';
import { FileSearchCall } from './FileSearchCall.js';
import { FunctionCall } from './FunctionCall.js';
import type { ResolveFileUrl } from './ToolCallContext.js';
import { UnknownCall } from './UnknownCall.js';

export interface ToolCallRootProps extends ComponentPropsWithoutRef<'div'> {
  toolCall: ToolCall;
  /** For code_interpreter images; falls back to the one given to `RunStep.Details`. */
  resolveFileUrl?: ResolveFileUrl;
}

/**
 * One tool call, rendered by its type (function / code_interpreter / file_search / unknown), with
 * `data-tool-type`. Pass children to render it yourself with the typed parts.
 */
export const ToolCallRoot = forwardRef<HTMLDivElement, ToolCallRootProps>(function ToolCallRoot(
  { toolCall, resolveFileUrl, ...props },
  ref,
) {
  const shared = { 'data-call-id': toolCall.id, ...props, ref };
  switch (toolCall.type) {
    case 'function':
      return <FunctionCall toolCall={toolCall} {...shared} />;
    case 'code_interpreter':
      return <CodeInterpreterCall toolCall={toolCall} resolveFileUrl={resolveFileUrl} {...shared} />;
    case 'file_search':
      return <FileSearchCall toolCall={toolCall} {...shared} />;
    default:
      return <UnknownCall toolCall={toolCall} {...shared} />;
  }
});
ToolCallRoot.displayName = 'ToolCall.Root';
