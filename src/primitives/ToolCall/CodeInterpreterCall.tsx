'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { CodeInterpreterOutput, CodeInterpreterToolCall } from '../../api/schemas/run-step.js';
import { useResolveFileUrl, type ResolveFileUrl } from './ToolCallContext.js';

export interface CodeInterpreterCallProps extends ComponentPropsWithoutRef<'div'> {
  toolCall: CodeInterpreterToolCall;
  /** Turns an image output's file id into a URL; falls back to the one given to `RunStep.Details`. */
  resolveFileUrl?: ResolveFileUrl;
}

function OutputItem({ output, resolveFileUrl }: { output: CodeInterpreterOutput; resolveFileUrl?: ResolveFileUrl }) {
  if (output.type === 'logs') return <pre data-part="logs">{output.logs}</pre>;
  if (output.type === 'image') {
    const fileId = output.image.file_id;
    const url = resolveFileUrl?.(fileId);
    return url ? (
      <img data-part="image" src={url} alt={`Output image ${fileId}`} />
    ) : (
      <span data-part="image-file">Output image {fileId}</span>
    );
  }
  return <span data-part="unknown-output">Output of type {output.original_type}</span>;
}

/** A code_interpreter call: the code in `<pre><code>`, then its logs and images in order. */
export const CodeInterpreterCall = forwardRef<HTMLDivElement, CodeInterpreterCallProps>(function CodeInterpreterCall(
  { toolCall, resolveFileUrl: ownResolve, children, ...props },
  ref,
) {
  const resolveFileUrl = useResolveFileUrl(ownResolve);
  const { input, outputs } = toolCall.code_interpreter;
  return (
    <div data-tool-type="code_interpreter" {...props} ref={ref}>
      {children ?? (
        <>
          <pre data-part="input">
            <code>{input}</code>
          </pre>
          {outputs.map((output, index) => (
            <OutputItem key={index} output={output} resolveFileUrl={resolveFileUrl} />
          ))}
        </>
      )}
    </div>
  );
});
CodeInterpreterCall.displayName = 'ToolCall.CodeInterpreter';
