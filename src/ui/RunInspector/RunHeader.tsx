'use client';

import type { ReactNode } from 'react';
import { whyUnsupported } from '../../api/capabilities.js';
import { isTerminalRunStatus } from '../../api/schemas/run-status.js';
import type { Run } from '../../api/schemas/index.js';
import { useNow } from '../../react/useNow.js';
import { useRunStreamStatus } from '../../react/useRunStreamStatus.js';
import { useRunsContext } from '../../react/useRunsClient.js';
import { DeadlineView } from '../DeadlineView.js';
import { RunStatusBadge } from '../RunStatusBadge.js';
import { UsageView } from '../UsageView.js';
import { formatDuration, runDurationMs, runEnd } from '../../primitives/RunTimeline/index.js';
import { costOf, formatCost, formatTokens } from '../../primitives/Usage/index.js';
import { useRunSteps } from '../../react/useRunSteps.js';
import { stepsQueryParams } from './steps-query.js';
import { UnixTime } from './UnixTime.js';
import type { ModelPrices } from './types.js';

export interface RunHeaderProps {
  run: Run;
  /** When `run` was fetched (the query's `dataUpdatedAt`): the time durations are shown as of until hydrated. */
  fetchedAt: number;
  prices?: ModelPrices;
  /** Beside the summary line: the run's actions (cancel, export). */
  actions?: ReactNode;
  /** Inside the "Usage and metadata" disclosure, after the usage table (the metadata editor). */
  children?: ReactNode;
}

/**
 * A compact header: status, model, duration, tokens, cost and actions on one line, the deadline
 * and last error below; the full timings, usage table and metadata sit behind a disclosure.
 */
export function RunHeader({ run, fetchedAt, prices, actions, children }: RunHeaderProps) {
  // The steps list's own cache entry (no extra request): an incomplete or expired run ends with its last step.
  const { steps } = useRunSteps(run.thread_id, run.id, stepsQueryParams);
  const end = runEnd(run, steps);
  // The provider's clock (the polling one), so the duration and deadline agree with the backend's time.
  const { polling, capabilities } = useRunsContext();
  const nowMs = useNow(polling.now, 1000, !isTerminalRunStatus(run.status), fetchedAt);
  const noDeadline = whyUnsupported(capabilities.deadlines);
  const durationMs = end || run.started_at != null ? runDurationMs(run, nowMs, steps) : null;
  const stream = useRunStreamStatus(run.thread_id, run.id);
  // A stream that broke or stalled handed the run to polling: say so while the run is still live.
  const streamFellBack = (stream.status === 'broken' || stream.status === 'stalled') && !isTerminalRunStatus(run.status);
  const price = prices?.[run.model];
  return (
    <header className="rl-run-header" data-slot="run-header">
      <div className="rl-run-header-top">
        <h2 className="rl-mono">{run.id}</h2>
        <RunStatusBadge status={run.status} />
        {streamFellBack && (
          <span className="rl-muted" data-slot="run-stream-fallback" title={stream.error?.message}>
            Stream {stream.status}; polling
          </span>
        )}
        {stream.isStreaming && (
          <span className="rl-live" data-slot="run-live" title="Events are streaming in; no polling">
            Live
          </span>
        )}
        {run.status === 'requires_action' &&
          (noDeadline ? (
            <span className="rl-muted" data-slot="run-no-deadline">
              {noDeadline}
            </span>
          ) : (
            run.expires_at != null && (
              <DeadlineView expiresAt={run.expires_at} now={nowMs} aria-label="Time left to submit tool outputs" />
            )
          ))}
      </div>
      <div className="rl-run-header-summary">
        <dl className="rl-facts-inline">
          <div>
            <dt>Model</dt>
            <dd>{run.model}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{durationMs !== null ? formatDuration(durationMs) : '—'}</dd>
          </div>
          <div>
            <dt>Tokens</dt>
            <dd>{run.usage ? formatTokens(run.usage.total_tokens) : '—'}</dd>
          </div>
          {price && run.usage && (
            <div>
              <dt>Cost</dt>
              <dd>{formatCost(costOf(run.usage, price))}</dd>
            </div>
          )}
        </dl>
        {actions}
      </div>
      {run.last_error && (
        <p className="rl-alert" data-slot="run-last-error">
          {run.last_error.code}: {run.last_error.message}
        </p>
      )}
      {run.incomplete_details?.reason && <p className="rl-muted">Incomplete: {run.incomplete_details.reason}</p>}
      <details className="rl-run-more" data-slot="run-more">
        <summary>Usage and metadata</summary>
        <dl className="rl-facts">
          <dt>Assistant</dt>
          <dd className="rl-mono">{run.assistant_id}</dd>
          <dt>Created</dt>
          <dd>
            <UnixTime seconds={run.created_at} />
          </dd>
          <dt>Started</dt>
          <dd>{run.started_at != null ? <UnixTime seconds={run.started_at} /> : '—'}</dd>
          <dt>{end?.label ?? 'Completed'}</dt>
          <dd>{end ? <UnixTime seconds={end.atMs / 1000} /> : '—'}</dd>
        </dl>
        <h3>Usage</h3>
        <UsageView usage={run.usage} model={run.model} prices={prices} />
        {children}
      </details>
    </header>
  );
}
