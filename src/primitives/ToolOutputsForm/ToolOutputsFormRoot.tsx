'use client';

import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type FormEvent,
} from 'react';
import type { ToolOutput } from '../../api/schemas/params.js';
import type { RunToolCall } from '../../api/schemas/run.js';
import type { AssistantTool } from '../../api/schemas/tools.js';
import { useComposedRefs } from '../internal/useComposedRefs.js';
import { checkCall, initialDraft, planCalls, type CallDraft, type OutputSchemas } from './callPlan.js';
import { ToolOutputsFormCalls } from './ToolOutputsFormCalls.js';
import { ToolOutputsFormContext, type ToolOutputsFormContextValue } from './ToolOutputsFormContext.js';
import { ToolOutputsFormSubmit } from './ToolOutputsFormSubmit.js';

export interface ToolOutputsFormRootProps extends Omit<ComponentPropsWithoutRef<'form'>, 'onSubmit'> {
  /** The calls awaiting outputs: `run.required_action.submit_tool_outputs.tool_calls`. */
  toolCalls: readonly RunToolCall[];
  /**
   * The run's tools (`run.tools`): a function's `description` is shown beside its calls. Their
   * `parameters` describe the call's arguments, not its output, so they never become fields.
   */
  tools?: readonly AssistantTool[];
  /**
   * JSON schemas of the outputs, by function name. A function listed here is answered with one
   * field per property (validated; the output sent is `JSON.stringify` of the values); every other
   * call gets the output textarea, whose text is sent verbatim.
   * @example
   * outputSchemas={{ get_weather: { type: 'object', properties: { temperature: { type: 'number' } }, required: ['temperature'] } }}
   */
  outputSchemas?: OutputSchemas;
  /** Every call's output in one call, in `toolCalls` order, once all are valid. */
  onSubmit(outputs: ToolOutput[]): void;
  /**
   * Disables inputs and the button; sets `aria-busy`.
   * @default false
   */
  isSubmitting?: boolean;
  /**
   * Disables everything (e.g. the run is no longer `requires_action`).
   * @default false
   */
  disabled?: boolean;
}

/**
 * A `<form>` answering a run's pending tool calls: one fieldset per call with its arguments
 * read-only and an output textarea (or fields, for a function in `outputSchemas`), checked before
 * one `onSubmit(outputs)`.
 * Children default to `<ToolOutputsForm.Calls />` and `<ToolOutputsForm.Submit />`.
 */
export const ToolOutputsFormRoot = forwardRef<HTMLFormElement, ToolOutputsFormRootProps>(function ToolOutputsFormRoot(
  { toolCalls, tools, outputSchemas, onSubmit, isSubmitting = false, disabled = false, children, ...props },
  forwardedRef,
) {
  const formRef = useRef<HTMLFormElement | null>(null);
  const ref = useComposedRefs<HTMLFormElement>(forwardedRef, formRef);
  const idPrefix = useId();
  const plans = useMemo(() => planCalls(toolCalls, tools, outputSchemas), [toolCalls, tools, outputSchemas]);
  // Drafts are keyed by call id, so a new round of calls starts clean.
  const [drafts, setDrafts] = useState<Record<string, CallDraft>>({});
  const [showErrors, setShowErrors] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const blocked = disabled || isSubmitting;

  const draftOf = useCallback(
    (callId: string) => {
      const plan = plans.find((entry) => entry.call.id === callId);
      return drafts[callId] ?? (plan ? initialDraft(plan) : { mode: 'text' as const, values: {}, text: '' });
    },
    [drafts, plans],
  );
  const checks = useMemo(
    () => new Map(plans.map((plan) => [plan.call.id, checkCall(plan, draftOf(plan.call.id))])),
    [plans, draftOf],
  );
  const updateDraft = useCallback(
    (callId: string, update: (draft: CallDraft) => CallDraft) =>
      setDrafts((previous) => {
        const plan = plans.find((entry) => entry.call.id === callId);
        const current = previous[callId] ?? (plan ? initialDraft(plan) : undefined);
        return current ? { ...previous, [callId]: update(current) } : previous;
      }),
    [plans],
  );

  // After a failed submit, move focus to the first invalid input once it has rendered.
  useEffect(() => {
    if (focusRequest > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (blocked || plans.length === 0) return;
    const outputs: ToolOutput[] = [];
    for (const plan of plans) {
      const output = checks.get(plan.call.id)?.output;
      if (output == null) {
        setShowErrors(true);
        setFocusRequest((count) => count + 1);
        return;
      }
      outputs.push({ tool_call_id: plan.call.id, output });
    }
    onSubmit(outputs);
  };

  const context = useMemo<ToolOutputsFormContextValue>(
    () => ({
      plans,
      draftOf,
      checkOf: (callId) => checks.get(callId) ?? { fieldErrors: {}, textError: null, output: null },
      updateDraft,
      showErrors,
      blocked,
      isSubmitting,
      idFor: (callId, part) => `${idPrefix}-c${plans.findIndex((plan) => plan.call.id === callId)}-${part}`,
    }),
    [plans, draftOf, checks, updateDraft, showErrors, blocked, isSubmitting, idPrefix],
  );

  return (
    <ToolOutputsFormContext.Provider value={context}>
      <form
        noValidate
        aria-busy={isSubmitting || undefined}
        data-disabled={blocked ? '' : undefined}
        data-loading={isSubmitting ? '' : undefined}
        {...props}
        ref={ref}
        onSubmit={handleSubmit}
      >
        {children ?? (
          <>
            <ToolOutputsFormCalls />
            <ToolOutputsFormSubmit />
          </>
        )}
      </form>
    </ToolOutputsFormContext.Provider>
  );
});
ToolOutputsFormRoot.displayName = 'ToolOutputsForm.Root';
