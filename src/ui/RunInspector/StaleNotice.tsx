'use client';

import { isTransientError } from '../../api/errors.js';
import { formatDuration } from '../../primitives/RunTimeline/index.js';
import { useNow } from '../../react/useNow.js';
import { errorText } from './states.js';

export interface StaleNoticeProps {
  /** The last refresh's error, or null. */
  error: unknown;
  /** The query could not even try: the browser is offline (TanStack pauses it). */
  isPaused: boolean;
  /** When the shown data was fetched (ms since the epoch, the query's `dataUpdatedAt`). */
  updatedAt: number;
  onRetry(): void;
}


/**
 * Data on screen that could not be refreshed: how old it is, what is being done about it, and a
 * Retry. A polite status (not an alert): the data is still there, only getting older.
 */
export function StaleNotice({ error, isPaused, updatedAt, onRetry }: StaleNoticeProps) {
  const now = useNow(Date.now, 1000, true, updatedAt);
  const seconds = Math.round((now - updatedAt) / 1000);
  const age = seconds < 1 ? 'Last updated just now.' : `Last updated ${formatDuration(seconds * 1000)} ago.`;
  const state = isPaused ? 'offline' : isTransientError(error) ? 'reconnecting' : 'failed';
  const what =
    state === 'offline'
      ? 'Offline: waiting for the network.'
      : state === 'reconnecting'
        ? 'Reconnecting…'
        : `Could not refresh: ${errorText(error)}`;
  return (
    <div className="rl-stale" data-slot="stale-notice" data-state={state} role="status">
      <span>
        {what} {age}
      </span>
      <button type="button" onClick={onRetry}>
        Retry now
      </button>
    </div>
  );
}
