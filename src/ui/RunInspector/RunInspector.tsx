'use client';

import { useState } from 'react';
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

  return (
    <section className={cn('rl-inspector', className)} data-slot="run-inspector" aria-label="Run inspector">
      <div className="rl-inspector-side" data-slot="run-inspector-side">
        <RunsPane query={runsQuery} selectedRunId={selectedRunId} onSelect={setChosenRunId} />
        <NewRunForm
          threadId={threadId}
          assistants={assistants}
          stream={stream}
          onCreated={(run) => setChosenRunId(run.id)}
        />
      </div>
      {selectedRunId ? (
        <RunDetails
          key={selectedRunId}
          threadId={threadId}
          runId={selectedRunId}
          listedRun={runsQuery.runs.find((run) => run.id === selectedRunId)}
          listedAt={runsQuery.dataUpdatedAt}
          prices={prices}
          resolveFileUrl={resolveFileUrl}
          outputSchemas={outputSchemas}
          stream={stream}
        />
      ) : null}
    </section>
  );
}
