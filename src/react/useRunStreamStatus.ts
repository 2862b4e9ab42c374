'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { runStreamState, subscribeRunStreams, type RunStreamState } from '../query/stream/registry.js';

export interface UseRunStreamStatusResult {
  /** `none` when no stream was opened for the run in this QueryClient. */
  status: RunStreamState['status'] | 'none';
  /** Why the last stream broke, else null. */
  error: Error | null;
  /** Events are arriving: the run's queries are fed by the stream, not polled. */
  isStreaming: boolean;
}

const noStream: UseRunStreamStatusResult = { status: 'none', error: null, isStreaming: false };

/**
 * Whether a stream (opened by `useCreateRun` / `useCreateThreadRun` / `useSubmitToolOutputs` with
 * `{ stream: true }`, in any component) is feeding this run right now, and how the last one ended:
 * `open`, `closed` (the run needs outputs or ended), `broken` (cut, or the backend's `error` event,
 * with `error`; the run fell back to polling) or `aborted` (its component unmounted); `none` for a
 * run never streamed here.
 *
 * @example
 * const { isStreaming } = useRunStreamStatus(threadId, runId);
 * <span data-live={isStreaming ? '' : undefined}>{isStreaming ? 'Live' : 'Polling'}</span>
 */
export function useRunStreamStatus(threadId: string, runId: string): UseRunStreamStatusResult {
  const queryClient = useQueryClient();
  const subscribe = useCallback((listener: () => void) => subscribeRunStreams(queryClient, listener), [queryClient]);
  const state = useSyncExternalStore(
    subscribe,
    () => runStreamState(queryClient, threadId, runId),
    // No stream is ever open while rendering on the server.
    () => undefined,
  );
  return state ? withIsStreaming(state) : noStream;
}

// Keyed by the registry's state object, so each state maps to one stable result (no re-render loop).
const results = new WeakMap<RunStreamState, UseRunStreamStatusResult>();
function withIsStreaming(state: RunStreamState): UseRunStreamStatusResult {
  let result = results.get(state);
  if (!result) results.set(state, (result = { ...state, isStreaming: state.status === 'open' }));
  return result;
}
