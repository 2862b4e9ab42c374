'use client';

import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { isTerminalRunStatus } from '../../api/schemas/run-status.js';
import type { Run, RunStep } from '../../api/schemas/index.js';
import { useNow } from '../../react/useNow.js';
import { useRunsContext } from '../../react/useRunsClient.js';
import { useRunSteps } from '../../react/useRunSteps.js';
import { RunStepListView } from '../RunStepListView.js';
import type { RunTimelineHandle } from '../../primitives/RunTimeline/index.js';
import { RunTimelineView } from '../RunTimelineView.js';
import { SelectedStepPane } from './SelectedStepPane.js';
import { EmptyState, ErrorState, errorReplacesData, LoadingState } from './states.js';
import { stepsQueryParams } from './steps-query.js';
import { focusStepRow, StepRow } from './StepRow.js';
import { rovingTarget } from './step-list-keys.js';
import { TraceSearchBar } from './TraceSearchBar.js';
import type { RunInspectorProps } from './types.js';
import { useTraceSearch } from './useTraceSearch.js';

export interface TracePaneProps extends Pick<RunInspectorProps, 'resolveFileUrl' | 'prices'> {
  threadId: string;
  run: Run;
  selectedStepId: string | null;
  onSelectStep(stepId: string | null): void;
}

/**
 * The run as a trace: search and filters, the waterfall and the step list (both virtualized,
 * pages of 100 loading as either nears its end, or with "Load more steps"), and the selected
 * step's details beside them. Selecting a bar selects its step and the other way round.
 */
export function TracePane({ threadId, run, resolveFileUrl, prices, selectedStepId, onSelectStep }: TracePaneProps) {
  const stepsQuery = useRunSteps(threadId, run.id, stepsQueryParams);
  const { steps, error, isPending, refetch, hasNextPage, isFetchingNextPage, fetchNextPage } = stepsQuery;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const search = useTraceSearch(threadId, steps);
  // A search covers the whole run, not just the pages scrolled to: once someone starts one (focus
  // in the search bar, or a text or filter set), the rest of the run is read, page after page.
  const readingAll = search.engaged && hasNextPage;
  // Keyed on the step count too: a page a backend answers from memory lands in the same render
  // that started it, so the fetching flag alone may never be seen to change.
  useEffect(() => {
    if (readingAll) loadMore();
  }, [readingAll, loadMore, steps.length]);
  // Live bars grow with the backend's clock (the provider's), ticking while the run is active.
  const now = useNow(useRunsContext().polling.now, 1000, !isTerminalRunStatus(run.status), stepsQuery.dataUpdatedAt);
  const root = useRef<HTMLDivElement>(null);
  const timeline = useRef<RunTimelineHandle>(null);
  const select = useCallback((stepId: string) => onSelectStep(stepId), [onSelectStep]);
  const shown = search.visibleSteps;
  // One tab stop in the step list (the selected row, else the first): 10 000 rows are not 10 000 Tab presses.
  const tabStopId = selectedStepId !== null && shown.some((step) => step.id === selectedStepId) ? selectedStepId : (shown[0]?.id ?? null);
  const renderStep = useCallback(
    (step: RunStep) => (
      <StepRow threadId={threadId} step={step} resolveFileUrl={resolveFileUrl} selected={step.id === selectedStepId} tabStop={step.id === tabStopId} onSelect={select} />
    ),
    [threadId, resolveFileUrl, selectedStepId, tabStopId, select],
  );
  const onStepListKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const next = rovingTarget(event, shown);
    if (!next) return;
    event.preventDefault();
    select(next);
    focusStepRow(root.current, next);
  };
  const selectedStep = selectedStepId ? steps.find((step) => step.id === selectedStepId) : undefined;

  let body;
  if (errorReplacesData(error, steps.length > 0)) body = <ErrorState error={error} title="Could not load the steps" onRetry={() => void refetch()} />;
  else if (isPending) body = <LoadingState>Loading steps…</LoadingState>;
  else if (steps.length === 0) body = <EmptyState>No steps yet</EmptyState>;
  else {
    body = (
      <>
        <TraceSearchBar search={search} selectedStepId={selectedStepId} onSelectStep={select} loadedSteps={steps.length} loadingMore={readingAll} onEngage={search.engage} />
        <h3>Waterfall</h3>
        <RunTimelineView
          run={run}
          steps={shown}
          now={now}
          prices={prices}
          selectedStepId={selectedStepId}
          onSelectedStepIdChange={select}
          handleRef={timeline}
          onEndReached={readingAll ? undefined : loadMore}
        >
          <RunTimelineView.ZoomControls />
          <RunTimelineView.Axis />
          <RunTimelineView.List
            aria-busy={isFetchingNextPage || undefined}
            onKeyDown={(event) => {
              // Enter on a bar selects its step (the list's own handler) and jumps to it in the step list.
              const stepId = (event.target as HTMLElement).dataset.stepId;
              if (event.key === 'Enter' && stepId) focusStepRow(root.current, stepId);
            }}
          >
            <RunTimelineView.Bars />
          </RunTimelineView.List>
          <RunTimelineView.Tooltip />
        </RunTimelineView>
        <h3>Steps</h3>
        {shown.length === 0 ? (
          readingAll ? <LoadingState>Reading the run for matching steps…</LoadingState> : <EmptyState>No steps match these filters</EmptyState>
        ) : (
          <RunStepListView
            steps={shown}
            isLoading={isFetchingNextPage}
            onEndReached={readingAll ? undefined : loadMore}
            activeStepId={selectedStepId}
            onKeyDown={onStepListKeyDown}
          >
            <RunStepListView.Items>{renderStep}</RunStepListView.Items>
          </RunStepListView>
        )}
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
    <>
      <section className="rl-steps rl-trace-main" data-slot="steps-pane" aria-label="Steps" ref={root}>
        {body}
      </section>
      <SelectedStepPane
        threadId={threadId}
        run={run}
        stepId={selectedStepId}
        loadedStep={selectedStep}
        prices={prices}
        resolveFileUrl={resolveFileUrl}
        highlight={search.matchedText}
        onShowInWaterfall={(stepId) => timeline.current?.focusStep(stepId)}
        onShowInSteps={(stepId) => focusStepRow(root.current, stepId)}
      />
    </>
  );
}
