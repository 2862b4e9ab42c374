'use client';

import type { RunStep } from '../../api/schemas/index.js';
import { formatTokens } from '../../primitives/Usage/index.js';
import { useMessage } from '../../react/useMessage.js';
import { RunStatusBadge } from '../RunStatusBadge.js';
import { RunStepView } from '../RunStepView.js';
import { UnixTime } from './UnixTime.js';
import { stepToolNames } from '../../primitives/RunSearch/index.js';
import { isTransientError } from '../../api/errors.js';
import { errorReplacesData, ErrorState, LoadingState } from './states.js';

export interface StepRowProps {
  threadId: string;
  step: RunStep;
  resolveFileUrl?: (fileId: string) => string | undefined;
  /** Shown as the selected step (its details are beside the list). */
  selected?: boolean;
  /** The list's one tab stop (roving focus: arrow keys move between rows). @default false */
  tabStop?: boolean;
  onSelect?(stepId: string): void;
}

/**
 * Moves keyboard focus to a step's row button in the trace, looking again for a few frames: a
 * virtualized list mounts the row only once it has scrolled to it.
 */
export function focusStepRow(root: HTMLElement | null, stepId: string, framesLeft = 10): void {
  const button = root?.querySelector<HTMLElement>(`[role="listitem"][data-step-id="${CSS.escape(stepId)}"] [data-slot="step-select"]`);
  if (button) button.focus();
  else if (framesLeft > 0) requestAnimationFrame(() => focusStepRow(root, stepId, framesLeft - 1));
}

const stepTypeLabel: Record<string, string> = { message_creation: 'Message', tool_calls: 'Tool calls' };

/** One step: its kind, status and time, then what it did (the message text, or each tool call). */
export function StepRow({ threadId, step, resolveFileUrl, selected = false, tabStop = false, onSelect }: StepRowProps) {
  const details = step.step_details;
  const messageId = details.type === 'message_creation' ? details.message_creation.message_id : null;
  // Fetched only for message steps; the hook keeps polling while the message is being written.
  const toolNames = stepToolNames(step);
  const messageQuery = useMessage(threadId, messageId ?? '', { enabled: messageId !== null });
  return (
    <RunStepView step={step} aria-current={selected || undefined} data-selected={selected ? '' : undefined}>
      <div className="rl-row">
        {/* The row's one control: selecting shows the step's details beside the list and its bar in the waterfall. */}
        <button
          type="button"
          className="rl-step-select"
          data-slot="step-select"
          aria-pressed={selected}
          tabIndex={tabStop ? 0 : -1}
          onClick={() => onSelect?.(step.id)}
        >
          <strong>{stepTypeLabel[details.type] ?? details.type}</strong>
          {toolNames.length > 0 && <span className="rl-mono"> {toolNames.join(', ')}</span>}
        </button>
        {/* Step statuses share the run's words (in_progress, completed, failed, cancelled, expired). */}
        <RunStatusBadge status={step.status} role={undefined} aria-live={undefined} />
        <UnixTime className="rl-muted" seconds={step.created_at} />
        <span className="rl-mono rl-muted">{step.id}</span>
      </div>
      {step.usage && (
        // Per-step tokens on one line: a full Usage table per row would crowd a long run.
        <p className="rl-muted" data-slot="step-usage">
          Tokens: {formatTokens(step.usage.prompt_tokens)} prompt · {formatTokens(step.usage.completion_tokens)}{' '}
          completion · {formatTokens(step.usage.total_tokens)} total
        </p>
      )}
      {messageQuery.data === undefined && isTransientError(messageQuery.error) ? (
        // A first load cut by an outage tries again by itself; the run's stale notice says why.
        <LoadingState>Loading message…</LoadingState>
      ) : errorReplacesData(messageQuery.error, messageQuery.data !== undefined) ? (
        <ErrorState error={messageQuery.error} title="Could not load the message" onRetry={() => void messageQuery.refetch()} />
      ) : (
        <RunStepView.Details message={messageId ? messageQuery.data : null} resolveFileUrl={resolveFileUrl} />
      )}
      {step.last_error && (
        <p className="rl-alert">
          {step.last_error.code}: {step.last_error.message}
        </p>
      )}
    </RunStepView>
  );
}
