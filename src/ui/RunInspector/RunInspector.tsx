'use client';

import { useCallback, useRef, useState } from 'react';
import type { Run } from '../../api/schemas/index.js';
import { useRuns } from '../../react/useRuns.js';
import { cn } from '../cn.js';
import { NewRunForm } from './NewRunForm.js';
import { RunDetails } from './RunDetails.js';
import { RunsPane } from './RunsPane.js';
import type { RunInspectorProps } from './types.js';

/**
 * A whole run-management screen for one thread: its runs, the selected run's header, metadata,
 * actions, timeline and steps, and a form to start a new run. Needs only a `RunsProvider`
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
  stream = true,
  className,
}: RunInspectorProps) {
  const runsQuery = useRuns(threadId);
  const [chosen, setChosen] = useState({ threadId, runId: defaultRunId ?? null });
  const setChosenRunId = (runId: string) => setChosen({ threadId, runId });
  // A choice belongs to its thread; until someone picks a run, the newest one is selected.
  const chosenRunId = chosen.threadId === threadId ? chosen.runId : null;
  const selectedRunId = chosenRunId ?? runsQuery.runs[0]?.id ?? null;
  const listing = useListingAtSelection(selectedRunId, runsQuery.runs, runsQuery.dataUpdatedAt);
  const onCreated = useCallback((run: Run) => setChosen({ threadId, runId: run.id }), [threadId]);

  return (
    <section className={cn('rl-inspector', className)} data-slot="run-inspector" aria-label="Run inspector">
      <div className="rl-inspector-side" data-slot="run-inspector-side">
        <RunsPane query={runsQuery} selectedRunId={selectedRunId} onSelect={setChosenRunId} />
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
        />
      ) : null}
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
