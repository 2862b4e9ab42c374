'use client';

import { useCallback, useRef } from 'react';
import type { Run } from '../../api/schemas/index.js';
import { useRuns } from '../../react/useRuns.js';
import { cn } from '../cn.js';
import { NewRunForm } from './NewRunForm.js';
import { RunDetails } from './RunDetails.js';
import { RunsPane } from './RunsPane.js';
import type { RunInspectorProps } from './types.js';
import { useInspectorSelection } from './useInspectorSelection.js';

/**
 * A whole run-management screen for one thread, laid out like a trace: its runs | the selected
 * run's waterfall and steps (with search, filters and export) | the selected step's details; one
 * column on narrow screens. Run and step selection can be controlled (deep links). Needs only a `RunsProvider`
 * (inside the app's `QueryClientProvider`) above it; styles come from `runlens/styles.css`.
 *
 * @example
 * <RunInspector threadId="thread_1" assistants={[{ id: 'asst_1', name: 'Weather bot' }]} />
 */
export function RunInspector({
  threadId,
  assistants,
  prices,
  resolveFileUrl,
  outputSchemas,
  defaultRunId,
  selectedRunId: selectedRunIdProp,
  selectedStepId: selectedStepIdProp,
  onSelectionChange,
  stream = true,
  className,
}: RunInspectorProps) {
  const runsQuery = useRuns(threadId);
  const selection = useInspectorSelection({ threadId, defaultRunId, selectedRunId: selectedRunIdProp, selectedStepId: selectedStepIdProp, onSelectionChange });
  const { select } = selection;
  // Until someone picks a run, the newest one is selected.
  const selectedRunId = selection.runId ?? runsQuery.runs[0]?.id ?? null;
  const listing = useListingAtSelection(selectedRunId, runsQuery.runs, runsQuery.dataUpdatedAt);
  const selectRun = useCallback((runId: string) => select({ runId, stepId: null }), [select]);
  const onCreated = useCallback((run: Run) => select({ runId: run.id, stepId: null }), [select]);
  // Stable per run, so the memoized details pane does not re-render for unrelated changes.
  const selectStep = useCallback(
    (stepId: string | null) => {
      if (selectedRunId) select({ runId: selectedRunId, stepId });
    },
    [select, selectedRunId],
  );

  return (
    <section className={cn('rl-inspector', className)} data-slot="run-inspector" aria-label="Run inspector">
      <div className="rl-inspector-layout">
      <div className="rl-inspector-side" data-slot="run-inspector-side">
        <RunsPane query={runsQuery} selectedRunId={selectedRunId} onSelect={selectRun} />
        <NewRunForm
          threadId={threadId}
          assistants={assistants}
          stream={stream}
          onCreated={onCreated}
        />
      </div>
      {selectedRunId ? (
        <RunDetails
          key={selectedRunId}
          threadId={threadId}
          runId={selectedRunId}
          listedRun={listing.run}
          listedAt={listing.at}
          prices={prices}
          resolveFileUrl={resolveFileUrl}
          outputSchemas={outputSchemas}
          stream={stream}
          selectedStepId={selection.stepId}
          onSelectStep={selectStep}
        />
      ) : null}
      </div>
    </section>
  );
}

/**
 * The selected run's row as the list held it when the run was selected (or first listed): it only
 * seeds the details pane, so later list refreshes hand the (memoized) pane the same props and do
 * not re-render it; the pane follows the run through its own query.
 */
function useListingAtSelection(runId: string | null, runs: Run[], listedAt: number): { run?: Run; at?: number } {
  const listing = useRef<{ runId: string | null; run?: Run; at?: number }>({ runId: null });
  const held = listing.current;
  if (held.runId === runId && held.run) return held;
  const run = runs.find((candidate) => candidate.id === runId);
  if (run) listing.current = { runId, run, at: listedAt };
  else if (held.runId !== runId) listing.current = { runId };
  return listing.current;
}
