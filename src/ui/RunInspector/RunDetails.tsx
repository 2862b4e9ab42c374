'use client';

import { useQueryClient } from '@tanstack/react-query';
import { memo, type ComponentProps } from 'react';
import { isTransientError, RunsApiError } from '../../api/errors.js';
import type { Run } from '../../api/schemas/index.js';
import { runlensKeys } from '../../query/keys.js';
import { useRun } from '../../react/useRun.js';
import { useSubmitToolOutputs } from '../../react/useSubmitToolOutputs.js';
import { MetadataEditor } from './MetadataEditor.js';
import { RunActions } from './RunActions.js';
import { RunHeader } from './RunHeader.js';
import { StaleNotice } from './StaleNotice.js';
import { ExportActions } from './ExportActions.js';
import { TracePane } from './TracePane.js';
import { ErrorState, errorText, LoadingState } from './states.js';
import { ToolOutputsPanel } from './ToolOutputsPanel.js';
import type { RunInspectorProps } from './types.js';

export interface RunDetailsProps extends Pick<RunInspectorProps, 'prices' | 'resolveFileUrl' | 'stream' | 'outputSchemas'> {
  threadId: string;
  runId: string;
  /** The run as the list last saw it: shown at once while its own query loads. */
  listedRun?: Run;
  /** When the list fetched `listedRun` (ms). */
  listedAt?: number;
  selectedStepId: string | null;
  onSelectStep(stepId: string | null): void;
}

/**
 * Everything about the selected run; remounted per run (keyed by id) so local edits never leak.
 * Memoized: a refresh of the runs list beside it does not re-render it.
 */
export const RunDetails = memo(function RunDetails({
  threadId,
  runId,
  listedRun,
  listedAt,
  prices,
  resolveFileUrl,
  outputSchemas,
  stream = false,
  selectedStepId,
  onSelectStep,
}: RunDetailsProps) {
  // The listed row seeds the run's cache entry (as useRuns does for active runs), not just a
  // placeholder: the steps query reads the run from the cache before listing steps, so with the
  // row there it starts at once, in parallel with this run's own refetch, instead of after it.
  const runQuery = useRun(threadId, runId, { initialData: listedRun, initialDataUpdatedAt: listedAt });
  const { data: run, error, refetch } = runQuery;
  const queryClient = useQueryClient();
  // "Retry now" also retries what failed beside the run (its steps, their messages): a fault that
  // broke the run's answers broke theirs too (on the Responses API they read the same response).
  const retryNow = () => {
    void refetch();
    void queryClient.refetchQueries({ queryKey: runlensKeys.thread(threadId), predicate: (query) => query.state.status === 'error' && query.getObserversCount() > 0 });
  };
  // Held here, not in the tool-outputs panel: the panel goes away once the run leaves
  // requires_action, and unmounting the submitting hook would end the stream it opened.
  const submit = useSubmitToolOutputs(threadId, runId, { stream });
  // The backend refusing the run (404…) before any fetch of its own succeeded means the listed row
  // was only a placeholder; any other error (an outage, a broken answer) keeps the row on screen
  // with a stale notice.
  const refused = RunsApiError.is(error) && error.status !== null && !isTransientError(error);
  const loadFailed = refused && runQuery.dataUpdatedAt <= (listedAt ?? 0);

  let body: ComponentProps<'div'>['children'];
  if (run && !loadFailed) {
    body = (
      <>
        <div className="rl-trace-head">
          <RunHeader
            run={run}
            fetchedAt={runQuery.dataUpdatedAt}
            prices={prices}
            actions={
              <>
                <RunActions threadId={threadId} run={run} />
                <ExportActions run={run} />
              </>
            }
          >
            <MetadataEditor threadId={threadId} run={run} />
          </RunHeader>
          {(error || runQuery.isPaused) && (
            <StaleNotice error={error} isPaused={runQuery.isPaused} updatedAt={runQuery.dataUpdatedAt} onRetry={retryNow} />
          )}
          {run.status === 'requires_action' && <ToolOutputsPanel run={run} submit={submit} outputSchemas={outputSchemas} />}
          {/* The form is gone once the run moved on; why this tab's answer was not used stays in view. */}
          {run.status !== 'requires_action' && submit.error && (
            <p className="rl-stale" data-slot="submit-outcome" data-state="failed" role="status">
              {errorText(submit.error)}
            </p>
          )}
        </div>
        <TracePane
          threadId={threadId}
          run={run}
          resolveFileUrl={resolveFileUrl}
          prices={prices}
          selectedStepId={selectedStepId}
          onSelectStep={onSelectStep}
        />
      </>
    );
  } else if (error) {
    body = <ErrorState error={error} title="Could not load the run" onRetry={() => void refetch()} />;
  } else {
    body = <LoadingState>Loading run…</LoadingState>;
  }

  return (
    <div className="rl-panel rl-run-details" data-slot="run-details" aria-label={`Run ${runId}`} role="region">
      {body}
    </div>
  );
});
