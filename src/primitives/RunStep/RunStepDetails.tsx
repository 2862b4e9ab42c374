'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { Message } from '../../api/schemas/message.js';
import { prettyJson } from '../ToolCall/prettyJson.js';
import { ResolveFileUrlContext, type ResolveFileUrl } from '../ToolCall/ToolCallContext.js';
import { ToolCallRoot } from '../ToolCall/ToolCallRoot.js';
import { MessageContent } from './MessageContent.js';
import { useRunStepContext } from './RunStepContext.js';

export interface RunStepDetailsProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * The message a message_creation step wrote: `undefined` while it loads (shows "Loading
   * message…" with `aria-busy`), `null` when it could not be had.
   */
  message?: Message | null;
  /** Turns a file id (code_interpreter images, image_file content) into a URL an `<img>` can load. */
  resolveFileUrl?: ResolveFileUrl;
}

/** What the step did, by its type: the message text, each tool call, or an unknown kind's JSON. */
export const RunStepDetails = forwardRef<HTMLDivElement, RunStepDetailsProps>(function RunStepDetails(
  { message, resolveFileUrl, children, ...props },
  ref,
) {
  const step = useRunStepContext('Details');
  const details = step.step_details;
  const loading = details.type === 'message_creation' && message === undefined;
  let body;
  if (details.type === 'message_creation') {
    body =
      message === undefined ? <span data-part="loading">Loading message…</span>
      : message === null ? <span data-part="unavailable">Message unavailable</span>
      : <MessageContent message={message} resolveFileUrl={resolveFileUrl} />;
  } else if (details.type === 'tool_calls') {
    body = details.tool_calls.map((toolCall) => <ToolCallRoot key={toolCall.id} toolCall={toolCall} />);
  } else {
    body = (
      <>
        <code data-part="name">{details.original_type}</code>
        <pre data-format="json">{prettyJson(details)}</pre>
      </>
    );
  }
  return (
    <ResolveFileUrlContext.Provider value={resolveFileUrl}>
      <div
        data-step-type={details.type}
        aria-busy={loading || undefined}
        data-loading={loading ? '' : undefined}
        {...props}
        ref={ref}
      >
        {children ?? body}
      </div>
    </ResolveFileUrlContext.Provider>
  );
});
RunStepDetails.displayName = 'RunStep.Details';
