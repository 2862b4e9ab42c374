'use client';

import { isTerminalRunStatus } from '../../api/schemas/run-status.js';
import type { Run } from '../../api/schemas/index.js';
import { useNow } from '../../react/useNow.js';
import { useRunsContext } from '../../react/useRunsClient.js';
import { useRunSteps } from '../../react/useRunSteps.js';
import { RunStepListView } from '../RunStepListView.js';
import { RunTimelineView } from '../RunTimelineView.js';
import { EmptyState, ErrorState, errorReplacesData, LoadingState } from './states.js';
import { StepRow } from './StepRow.js';
import type { RunInspectorProps } from './types.js';

export interface StepsPaneProps extends Pick<RunInspectorProps, 'resolveFileUrl'> {
  threadId: string;
  run: Run;
}

/** Steps per page: the API's maximum, so a 10 000-step run takes 100 requests, not 500. */
export const stepsPageSize = 100;
/** The inspector's one steps query: the header reads the same cache entry for a run's end. */
export const stepsQueryParams = { order: 'asc', limit: stepsPageSize } as const;

/**
 * The run's steps, oldest first: a timeline of their durations, then each step's details. Pages
 * of 100; the next one loads when either virtualized list is scrolled near its end, or with the
 * "Load more steps" button (the keyboard/assistive-tech path).
 */
export function StepsPane({ threadId, run, resolveFileUrl }: StepsPaneProps) {
  const stepsQuery = useRunSteps(threadId, run.id, stepsQueryParams);
  const { steps, error, isPending, refetch, hasNextPage, isFetchingNextPage, fetchNextPage } = stepsQuery;
  const loadMore = () => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  };
  // Live bars grow with the backend's clock (the provider's), ticking while the run is active.
  const now = useNow(useRunsContext().polling.now, 1000, !isTerminalRunStatus(run.status), stepsQuery.dataUpdatedAt);

  let body;
  if (errorReplacesData(error, steps.length > 0)) body = <ErrorState error={error} title="Could not load the steps" onRetry={() => void refetch()} />;
  else if (isPending) body = <LoadingState>Loading steps…</LoadingState>;
  else if (steps.length === 0) body = <EmptyState>No steps yet</EmptyState>;
  else {
    body = (
      <>
        <h3>Timeline</h3>
        <RunTimelineView run={run} steps={steps} now={now} onEndReached={loadMore} aria-busy={isFetchingNextPage || undefined}>
          <RunTimelineView.Bars>
            {(step) => (
              <RunTimelineView.Bar step={step}>
                <RunTimelineView.Duration />
              </RunTimelineView.Bar>
            )}
          </RunTimelineView.Bars>
        </RunTimelineView>
        <h3>Steps</h3>
        <RunStepListView steps={steps} isLoading={isFetchingNextPage} onEndReached={loadMore}>
          <RunStepListView.Items>
            {(step) => <StepRow threadId={threadId} step={step} resolveFileUrl={resolveFileUrl} />}
          </RunStepListView.Items>
        </RunStepListView>
        {hasNextPage && (
          // aria-disabled, not disabled: a focused button that turns disabled drops keyboard focus.
          <button type="button" aria-disabled={isFetchingNextPage || undefined} aria-busy={isFetchingNextPage || undefined} onClick={loadMore}>
            Load more steps
          </button>
        )}
      </>
    );
  }
  return (
    <section className="rl-steps" data-slot="steps-pane" aria-label="Steps">
      {body}
    </section>
  );
}
