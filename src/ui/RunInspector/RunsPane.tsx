'use client';

import { memo, useState } from 'react';
import { isTransientError } from '../../api/errors.js';
import type { Run } from '../../api/schemas/index.js';
import type { UseRunsResult } from '../../react/useRuns.js';
import { RunListView } from '../RunListView.js';
import { RunStatusBadge } from '../RunStatusBadge.js';
import { UnixTime } from './UnixTime.js';
import { EmptyState, ErrorState, LoadingState } from './states.js';

export interface RunsPaneProps {
  query: UseRunsResult;
  selectedRunId: string | null;
  onSelect(runId: string): void;
}

/** The thread's runs as a keyboard-navigable listbox, with paging both ways. */
export function RunsPane({ query, selectedRunId, onSelect }: RunsPaneProps) {
  const { runs, error, isPending, refetch, data } = query;
  // A failed page keeps the runs already loaded; only a failed first load replaces the list.
  const retryPage = () => void (query.isFetchNextPageError ? query.fetchNextPage() : query.fetchPreviousPage());
  // The list also refreshes itself while many of its runs are live: only a check someone asked
  // for shows as loading, and a background refresh that may heal by itself raises no alert.
  const [check, setCheck] = useState<'idle' | 'checking' | 'failed'>('idle');
  const checkForNewer = () => {
    setCheck('checking');
    void refetch().then((result) => setCheck(result.isError ? 'failed' : 'idle'));
  };
  const showRefreshError = error != null && (check === 'failed' || !isTransientError(error));
  return (
    <div className="rl-panel" data-slot="runs-pane">
      <h2>Runs</h2>
      {error && !data ? (
        <ErrorState error={error} title="Could not load runs" onRetry={() => void refetch()} />
      ) : isPending ? (
        <LoadingState>Loading runs…</LoadingState>
      ) : (
        <>
          {/* After a look for newer runs found none, the same button refetches the list instead. */}
          <RunListView.LoadNewer
            onLoad={() => (query.hasPreviousPage ? void query.fetchPreviousPage() : checkForNewer())}
            isLoading={query.isFetchingPreviousPage || check === 'checking'}
          >
            {query.hasPreviousPage ? 'Load newer runs' : 'Check for newer runs'}
          </RunListView.LoadNewer>
          {/* Outside the listbox: a listbox may only own options. */}
          <RunListView.Empty runs={runs}>
            <EmptyState>No runs on this thread yet</EmptyState>
          </RunListView.Empty>
          {runs.length > 0 && (
            <RunListView runs={runs} value={selectedRunId} onValueChange={onSelect}>
              <RunListView.Items>{(run: Run) => <RunRow run={run} />}</RunListView.Items>
            </RunListView>
          )}
          <RunListView.LoadOlder
            onLoad={() => void query.fetchNextPage()}
            isLoading={query.isFetchingNextPage}
            hasMore={query.hasNextPage}
          />
          {error && (query.isFetchNextPageError || query.isFetchPreviousPageError) ? (
            <ErrorState error={error} title="Could not load more runs" onRetry={retryPage} />
          ) : showRefreshError ? (
            <ErrorState error={error} title="Could not refresh runs" onRetry={checkForNewer} />
          ) : null}
        </>
      )}
    </div>
  );
}

// Memoized: a list refresh hands unchanged runs back as the same objects, so only changed rows render.
const RunRow = memo(function RunRow({ run }: { run: Run }) {
  return (
    <RunListView.Item run={run}>
      <span className="rl-row">
        <span className="rl-mono">{run.id}</span>
        {/* One live region per row would announce every poll; the header's badge is the live one. */}
        <RunStatusBadge status={run.status} role={undefined} aria-live={undefined} />
      </span>
      <UnixTime className="rl-muted" seconds={run.created_at} />
    </RunListView.Item>
  );
});
