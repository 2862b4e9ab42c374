import type { QueryClient } from '@tanstack/query-core';
import type { RunEventStream } from '../../api/client.js';
import { RunsApiError } from '../../api/errors.js';
import type { ApiErrorObject, Run } from '../../api/schemas/index.js';
import { runlensKeys } from '../keys.js';
import { applyStreamEvent, endsRunStream, isRunEvent } from './apply-event.js';
import { findOpenRunStream, registerRunStream, unregisterRunStream, type RunStreamEntry, type RunStreamState } from './registry.js';

export interface RunStreamOptions {
  /**
   * Ends the stream when aborted, e.g. when the component that opened it unmounts. The run then
   * polls again wherever it is still shown.
   */
  signal?: AbortSignal | undefined;
}

export interface FollowRunStreamOptions extends RunStreamOptions {
  /** The run the stream is about, when known before it opens (a submit): polling stops at once. */
  run?: { threadId: string; runId: string };
  /**
   * No event for this long and the stream counts as stalled (headers came, then nothing): it is
   * closed and the run polls again. @default 30000
   */
  stallAfterMs?: number | undefined;
}

const DEFAULT_STALL_MS = 30_000;

/** The backend's `error` event as the error the stream broke with. */
function streamEventError(data: ApiErrorObject): RunsApiError {
  return new RunsApiError({ status: null, type: data.type, code: data.code, param: data.param, requestId: null, detail: data.message });
}

function stalledError(afterMs: number): RunsApiError {
  return RunsApiError.connection(`The event stream stalled: no event for ${Math.round(afterMs / 1000)} s. The run is polled instead.`, {
    code: 'stream_stalled',
  });
}

function endedEarly(): RunsApiError {
  return RunsApiError.connection('The event stream ended before the run reached requires_action or a terminal status.');
}

/**
 * A stream that broke (or was aborted) hands its run back to polling: it is unregistered, then the
 * run, its steps and the stream's messages are refetched once (active queries only), so whatever
 * the stream missed shows up and nothing it delivered is applied again.
 */
function fallBackToPolling(queryClient: QueryClient, entry: RunStreamEntry, state: RunStreamState): void {
  unregisterRunStream(queryClient, entry, state);
  void queryClient.invalidateQueries({ queryKey: runlensKeys.run(entry.threadId, entry.runId) });
  for (const messageId of entry.messages.keys()) {
    void queryClient.invalidateQueries({ queryKey: runlensKeys.message(entry.threadId, messageId) });
  }
}

/**
 * Opens a run's event stream (`open` calls one of the RunsClient's streaming forms) and feeds
 * every event into the cache. Resolves with the run at the first run event; the stream goes on
 * feeding the cache after that. Rejects only when the stream fails before that event (a refused
 * request), with the client's error.
 *
 * While the stream is open the run's queries do not poll. It ends at `requires_action` or a
 * terminal status, as the API's does, and polling takes over from the cache as the stream left it.
 *
 * @example
 * const run = await followRunStream(queryClient, (signal, onOpen) => client.createRunStream('thread_1', { assistant_id: 'asst_1' }, { signal, onOpen }));
 */
export function followRunStream(
  queryClient: QueryClient,
  open: (signal: AbortSignal, onOpen: () => void) => RunEventStream,
  options: FollowRunStreamOptions = {},
): Promise<Run> {
  const controller = new AbortController();
  const lifetime = options.signal;
  const stop = (): void => controller.abort(lifetime?.reason);
  if (lifetime?.aborted) stop();
  else lifetime?.addEventListener('abort', stop, { once: true });

  let entry = options.run && registerRunStream(queryClient, options.run.threadId, options.run.runId, controller);
  let firstRun: Run | undefined;
  let closed = false;
  // The watchdog: every event re-arms it; when it fires the stream is stopped and counted as stalled.
  const stallAfterMs = options.stallAfterMs ?? DEFAULT_STALL_MS;
  let stalled = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const rearm = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallAfterMs);
  };

  return new Promise<Run>((resolve, reject) => {
    async function follow(): Promise<void> {
      // Armed when the stream opens (its response arrived), not before: until then the SDK may be
      // waiting out a 429's retry-after, which is no stall. A client without `onOpen` arms it at the first event.
      for await (const event of open(controller.signal, rearm)) {
        rearm();
        if (event.event === 'error') throw streamEventError(event.data);
        if (isRunEvent(event) && !entry) {
          entry = registerRunStream(queryClient, event.data.thread_id, event.data.id, controller);
        }
        // Before the run's first event (thread.created) there is nothing of the run to write.
        if (!entry) continue;
        applyStreamEvent(queryClient, entry, event);
        if (!isRunEvent(event)) continue;
        if (!firstRun) resolve((firstRun = event.data));
        if (endsRunStream(event.data)) {
          closed = true;
          unregisterRunStream(queryClient, entry, { status: 'closed', error: null });
          // Only the API's `done` is left: leaving the loop closes the connection now, not when the server does.
          return;
        }
      }
      throw endedEarly();
    }

    follow()
      .catch((error: unknown) => {
        if (closed) return;
        if (!firstRun) {
          if (entry) unregisterRunStream(queryClient, entry, null);
          reject(stalled ? stalledError(stallAfterMs) : error);
          return;
        }
        // Superseded by a newer stream of the same run: that one owns the run now.
        if (!entry || findOpenRunStream(queryClient, entry.threadId, entry.runId) !== entry) return;
        fallBackToPolling(queryClient, entry, endedState(error));
      })
      .finally(() => {
        clearTimeout(watchdog);
        lifetime?.removeEventListener('abort', stop);
      });

    function endedState(error: unknown): RunStreamState {
      if (stalled) return { status: 'stalled', error: stalledError(stallAfterMs) };
      if (controller.signal.aborted) return { status: 'aborted', error: null };
      return { status: 'broken', error: error instanceof Error ? error : new Error(String(error)) };
    }
  });
}
