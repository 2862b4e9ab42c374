'use client';

import type { RunStep } from '../../api/schemas/index.js';
import { formatTokens } from '../../primitives/Usage/index.js';
import { useMessage } from '../../react/useMessage.js';
import { RunStatusBadge } from '../RunStatusBadge.js';
import { RunStepView } from '../RunStepView.js';
import { UnixTime } from './UnixTime.js';
import { isTransientError } from '../../api/errors.js';
import { errorReplacesData, ErrorState, LoadingState } from './states.js';

export interface StepRowProps {
  threadId: string;
  step: RunStep;
  resolveFileUrl?: (fileId: string) => string | undefined;
}

const stepTypeLabel: Record<string, string> = { message_creation: 'Message', tool_calls: 'Tool calls' };

/** One step: its kind, status and time, then what it did (the message text, or each tool call). */
export function StepRow({ threadId, step, resolveFileUrl }: StepRowProps) {
  const details = step.step_details;
  const messageId = details.type === 'message_creation' ? details.message_creation.message_id : null;
  // Fetched only for message steps; the hook keeps polling while the message is being written.
  const messageQuery = useMessage(threadId, messageId ?? '', { enabled: messageId !== null });
  return (
    <RunStepView step={step}>
      <div className="rl-row">
        <strong>{stepTypeLabel[details.type] ?? details.type}</strong>
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
