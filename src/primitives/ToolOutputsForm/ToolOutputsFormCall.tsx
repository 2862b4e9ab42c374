'use client';

import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { JsonBlock } from '../ToolCall/JsonBlock.js';
import { toggledDraft } from './callPlan.js';
import { useToolOutputsFormContext } from './ToolOutputsFormContext.js';
import { SchemaField } from './SchemaField.js';
import { TextOutputField } from './TextOutputField.js';

export interface ToolOutputsFormCallProps extends ComponentPropsWithoutRef<'fieldset'> {
  /** Which of the Root's `toolCalls` this fieldset answers. */
  toolCallId: string;
}

/**
 * One pending call as a `<fieldset>`: legend = function name + call id, the function's description,
 * its arguments read-only beside the answer: the output textarea, or fields (with a "Raw" toggle)
 * when the Root's `outputSchemas` has a usable schema for the function.
 */
export const ToolOutputsFormCall = forwardRef<HTMLFieldSetElement, ToolOutputsFormCallProps>(
  function ToolOutputsFormCall({ toolCallId, children, ...props }, ref) {
    const context = useToolOutputsFormContext('Call');
    const plan = context.plans.find((entry) => entry.call.id === toolCallId);
    if (!plan) return null;
    const draft = context.draftOf(toolCallId);
    // The fields shown, or null while the output textarea is (no usable schema, or Raw is on).
    const shownFields = draft.mode === 'fields' ? plan.fields : null;
    const descriptionId = context.idFor(toolCallId, 'description');
    const argumentsLabelId = context.idFor(toolCallId, 'arguments');
    const toggle = () => context.updateDraft(toolCallId, (current) => toggledDraft(plan, current));
    return (
      <fieldset
        disabled={context.blocked}
        aria-describedby={plan.description ? descriptionId : undefined}
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
        {plan.description && (
          <p id={descriptionId} data-part="description">
            {plan.description}
          </p>
        )}
        <div data-part="body">
          {plan.args !== null && (
            // Named by its caption explicitly: not every accessibility tree derives it from <figcaption>.
            <figure data-part="arguments" aria-labelledby={argumentsLabelId}>
              <figcaption id={argumentsLabelId} data-part="label">
                Arguments
              </figcaption>
              <JsonBlock text={plan.args} />
            </figure>
          )}
          <div data-part="answer">
            {plan.fields && (
              <button
                type="button"
                aria-pressed={shownFields === null}
                data-state={shownFields ? 'off' : 'on'}
                data-part="raw-toggle"
                onClick={toggle}
              >
                Raw
              </button>
            )}
            {shownFields
              ? shownFields.map((field, index) => (
                  <SchemaField key={field.name} toolCallId={toolCallId} field={field} index={index} />
                ))
              : <TextOutputField toolCallId={toolCallId} name={plan.name} />}
          </div>
        </div>
        {children}
      </fieldset>
    );
  },
);
ToolOutputsFormCall.displayName = 'ToolOutputsForm.Call';
