'use client';

import type { ReactNode } from 'react';
import type { Run, RunStep } from '../../api/schemas/index.js';
import { useMessage } from '../../react/useMessage.js';
import { useRunStep } from '../../react/useRunStep.js';
import { StepDetailsView } from '../StepDetailsView/index.js';
import { ErrorState, LoadingState } from './states.js';
import type { RunInspectorProps } from './types.js';

interface DetailsProps extends Pick<RunInspectorProps, 'resolveFileUrl' | 'prices'> {
  threadId: string;
  run: Run;
  /** The search text to highlight. */
  highlight: string;
  /** Moves focus to the step's bar in the waterfall ("Show in waterfall"). */
  onShowInWaterfall(stepId: string): void;
  /** Moves focus to the step's row in the list ("Show in steps"). */
  onShowInSteps(stepId: string): void;
}

export interface SelectedStepPaneProps extends DetailsProps {
  stepId: string | null;
  /** The step as the loaded pages hold it; a deep-linked step beyond them is fetched by id. */
  loadedStep: RunStep | undefined;
}

/** The selected step's full details (the trace's third column), with jumps to its bar and row. */
export function SelectedStepPane({ stepId, loadedStep, ...props }: SelectedStepPaneProps) {
  let body: ReactNode;
  if (stepId === null) body = <StepDetailsView.Empty />;
  else if (loadedStep) body = <StepDetails step={loadedStep} {...props} />;
  else body = <FetchedStep stepId={stepId} {...props} />;
  return (
    <aside className="rl-trace-detail" data-slot="selected-step" aria-label="Selected step">
      {body}
    </aside>
  );
}

/** A step the loaded pages do not hold yet (a deep link into a long run): read by id. */
function FetchedStep({ stepId, ...props }: DetailsProps & { stepId: string }) {
  const query = useRunStep(props.threadId, props.run.id, stepId);
  if (query.data) return <StepDetails step={query.data} {...props} />;
  if (query.error) return <ErrorState error={query.error} title="Could not load the step" onRetry={() => void query.refetch()} />;
  return <LoadingState>Loading step…</LoadingState>;
}

function StepDetails({ step, ...props }: DetailsProps & { step: RunStep }) {
  const details = step.step_details;
  if (details.type === 'message_creation') return <MessageStepDetails step={step} messageId={details.message_creation.message_id} {...props} />;
  return <Details step={step} message={null} {...props} />;
}

/** A message step: its text comes from the message it wrote (the list's rows share the cache entry). */
function MessageStepDetails({ messageId, ...props }: DetailsProps & { step: RunStep; messageId: string }) {
  const message = useMessage(props.threadId, messageId);
  return <Details {...props} message={message.data ?? (message.error ? null : undefined)} />;
}

function Details({ step, message, run, prices, resolveFileUrl, highlight, onShowInWaterfall, onShowInSteps }: DetailsProps & { step: RunStep; message: Parameters<typeof StepDetailsView>[0]['message'] }) {
  return (
    <StepDetailsView
      step={step}
      message={message}
      runStartMs={run.created_at * 1000}
      model={run.model}
      prices={prices}
      resolveFileUrl={resolveFileUrl}
      highlight={highlight || undefined}
      actions={
        <>
          <button type="button" onClick={() => onShowInWaterfall(step.id)}>
            Show in waterfall
          </button>
          <button type="button" onClick={() => onShowInSteps(step.id)}>
            Show in steps
          </button>
        </>
      }
    />
  );
}
