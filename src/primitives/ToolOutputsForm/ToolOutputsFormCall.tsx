'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { JsonBlock } from '../ToolCall/JsonBlock.js';
import { toggledDraft } from './callPlan.js';
import { useToolOutputsFormContext } from './ToolOutputsFormContext.js';
import { SchemaField } from './SchemaField.js';
import { RawOutputField } from './RawOutputField.js';

export interface ToolOutputsFormCallProps extends ComponentPropsWithoutRef<'fieldset'> {
  /** Which of the Root's `toolCalls` this fieldset answers. */
  toolCallId: string;
}

/**
 * One pending call as a `<fieldset>`: legend = function name + call id, its arguments read-only,
 * then schema fields (with a "Raw" toggle) or the raw textarea when there is no usable schema.
 */
export const ToolOutputsFormCall = forwardRef<HTMLFieldSetElement, ToolOutputsFormCallProps>(
  function ToolOutputsFormCall({ toolCallId, children, ...props }, ref) {
    const context = useToolOutputsFormContext('Call');
    const plan = context.plans.find((entry) => entry.call.id === toolCallId);
    if (!plan) return null;
    const draft = context.draftOf(toolCallId);
    const raw = draft.mode === 'raw';
    const toggle = () => context.updateDraft(toolCallId, (current) => toggledDraft(plan, current));
    return (
      <fieldset
        disabled={context.blocked}
        data-call-id={toolCallId}
        data-mode={draft.mode}
        data-schema={plan.fields ? 'fields' : plan.schema ? 'unsupported' : 'none'}
        data-disabled={context.blocked ? '' : undefined}
        {...props}
        ref={ref}
      >
        <legend>
          <code data-part="name">{plan.name}</code> <span data-part="call-id">{toolCallId}</span>
        </legend>
        {plan.args !== null && (
          <div data-part="arguments">
            <span data-part="label">Arguments</span>
            <JsonBlock text={plan.args} />
          </div>
        )}
        {plan.fields && (
          <button
            type="button"
            aria-pressed={raw}
            data-state={raw ? 'on' : 'off'}
            data-part="raw-toggle"
            onClick={toggle}
          >
            Raw
          </button>
        )}
        {plan.fields && !raw
          ? plan.fields.map((field, index) => (
              <SchemaField key={field.name} toolCallId={toolCallId} field={field} index={index} />
            ))
          : <RawOutputField toolCallId={toolCallId} name={plan.name} />}
        {children}
      </fieldset>
    );
  },
);
ToolOutputsFormCall.displayName = 'ToolOutputsForm.Call';
