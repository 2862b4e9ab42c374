'use client';

import { forwardRef, useId, useRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { Message } from '../../api/schemas/message.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import { useComposedRefs } from '../../primitives/internal/useComposedRefs.js';
import { RunStep as RunStepPrimitive } from '../../primitives/RunStep/index.js';
import type { ResolveFileUrl } from '../../primitives/ToolCall/index.js';
import type { ModelPrice } from '../../primitives/Usage/index.js';
import { cn } from '../cn.js';
import { RunStatusBadge } from '../RunStatusBadge.js';
import { RunStepView } from '../RunStepView.js';
import { UsageView } from '../UsageView.js';
import { Heading, type HeadingLevel } from './Heading.js';
import { RawJson } from './RawJson.js';
import { StepDetailsEmpty } from './StepDetailsEmpty.js';
import { StepTimingFacts } from './StepTimingFacts.js';
import { stepTitle } from './stepTitle.js';
import { StepToolCall } from './StepToolCall.js';
import { useSearchHighlight } from './useSearchHighlight.js';

export interface StepDetailsViewProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'> {
  /** The step to show, as the backend returned it (list steps with file_search content included to see chunk text). */
  step: RunStep;
  /**
   * The message a message_creation step wrote: `undefined` while it loads ("Loading message…"),
   * `null` when it could not be had. Ignored for other kinds of step.
   */
  message?: Message | null;
  /** When the run's timeline starts, in ms (`run.created_at * 1000`, as the waterfall): adds the step's start offset. */
  runStartMs?: number;
  /** The run's model, to price the step's tokens in `prices`. */
  model?: string;
  /** Per-model prices per million tokens (UsageView's); the step's cost shows only when `model` has one. */
  prices?: Record<string, ModelPrice>;
  /**
   * ISO 4217 code the prices are in.
   * @default 'USD'
   */
  currency?: string;
  /** Turns a file id (code_interpreter images, image_file content) into a URL an `<img>` can load. */
  resolveFileUrl?: ResolveFileUrl;
  /**
   * Search text to mark in the pane, case-insensitively, with the CSS Custom Highlight API (name
   * `runlens-search`; no DOM change, nothing where the API is missing). The number of marks is
   * `data-match-count` on the root. Text in the closed Raw JSON disclosure is not marked.
   */
  highlight?: string;
  /**
   * Level of the pane's title; its sections' headings are one below.
   * @default 3
   */
  headingLevel?: HeadingLevel;
  /** Controls for the step (e.g. "Show in waterfall", "Copy step JSON"), shown beside the title. */
  actions?: ReactNode;
}

/**
 * The selected step in full, as a `role="region"` named "Step <id>": its kind, tools and status,
 * any error, timing, tokens and cost, what it did (the message, or each tool call's arguments,
 * output, code, logs, images and file-search results) and its raw JSON behind a disclosure.
 *
 * @example
 * <StepDetailsView step={step} message={message} runStartMs={run.created_at * 1000} model={run.model} prices={prices} highlight={query} />
 */
const StepDetailsViewRoot = forwardRef<HTMLDivElement, StepDetailsViewProps>(function StepDetailsView(
  { step, message, runStartMs, model, prices, currency, resolveFileUrl, highlight, headingLevel = 3, actions, className, ...props },
  forwardedRef,
) {
  const rootRef = useRef<HTMLDivElement>(null);
  const ref = useComposedRefs(forwardedRef, rootRef);
  const matchCount = useSearchHighlight(rootRef, highlight);
  const errorHeadingId = useId();
  const details = step.step_details;
  const sectionLevel = headingLevel + 1;
  return (
    <div
      role="region"
      aria-label={`Step ${step.id}`}
      data-step-id={step.id}
      data-step-type={details.type}
      data-state={step.status}
      data-match-count={matchCount ?? undefined}
      {...props}
      ref={ref}
      data-slot="step-details"
      className={cn('rl-step-details', className)}
    >
      <div className="rl-step-details-header">
        <div className="rl-row">
          <Heading level={headingLevel}>{stepTitle(step)}</Heading>
          {/* A static badge: the pane is not where status changes are announced. */}
          <RunStatusBadge status={step.status} role={undefined} aria-live={undefined} />
        </div>
        <span className="rl-mono rl-muted" data-part="step-id">
          {step.id}
        </span>
        {actions != null && (
          <div className="rl-row" data-part="actions">
            {actions}
          </div>
        )}
      </div>
      {step.last_error && (
        <div className="rl-step-details-error" data-part="last-error" role="group" aria-labelledby={errorHeadingId}>
          <Heading level={sectionLevel} id={errorHeadingId}>
            Error
          </Heading>
          <p>
            <code>{step.last_error.code}</code>: {step.last_error.message}
          </p>
        </div>
      )}
      <section data-part="timing">
        <Heading level={sectionLevel}>Timing</Heading>
        <StepTimingFacts step={step} runStartMs={runStartMs} />
      </section>
      <section data-part="tokens">
        <Heading level={sectionLevel}>Tokens</Heading>
        <UsageView usage={step.usage} model={model} prices={prices} currency={currency} />
      </section>
      {/* The primitive root gives Details its step; no list role here, the pane is one step. */}
      <RunStepPrimitive.Root step={step} role={undefined} data-part="body">
        <RunStepView.Details message={details.type === 'message_creation' ? message : null} resolveFileUrl={resolveFileUrl}>
          {details.type === 'tool_calls'
            ? details.tool_calls.map((call) => (
                <StepToolCall key={call.id} call={call} headingLevel={sectionLevel} resolveFileUrl={resolveFileUrl} />
              ))
            : undefined}
        </RunStepView.Details>
      </RunStepPrimitive.Root>
      <RawJson step={step} message={details.type === 'message_creation' ? message : undefined} />
    </div>
  );
});
StepDetailsViewRoot.displayName = 'StepDetailsView';

/** The selected step's details pane, with `.Empty` for when no step is selected. */
export const StepDetailsView = Object.assign(StepDetailsViewRoot, { Empty: StepDetailsEmpty });
