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
}

/** The backend's `error` event as the error the stream broke with. */
function streamEventError(data: ApiErrorObject): RunsApiError {
  return new RunsApiError({ status: null, type: data.type, code: data.code, param: data.param, requestId: null, detail: data.message });
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
 * const run = await followRunStream(queryClient, (signal) => client.createRunStream('thread_1', { assistant_id: 'asst_1' }, { signal }));
 */
export function followRunStream(
  queryClient: QueryClient,
  open: (signal: AbortSignal) => RunEventStream,
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

  return new Promise<Run>((resolve, reject) => {
    async function follow(): Promise<void> {
      for await (const event of open(controller.signal)) {
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
          reject(error);
          return;
        }
        // Superseded by a newer stream of the same run: that one owns the run now.
        if (!entry || findOpenRunStream(queryClient, entry.threadId, entry.runId) !== entry) return;
        const state: RunStreamState = controller.signal.aborted
          ? { status: 'aborted', error: null }
          : { status: 'broken', error: error instanceof Error ? error : new Error(String(error)) };
        fallBackToPolling(queryClient, entry, state);
      })
      .finally(() => lifetime?.removeEventListener('abort', stop));
  });
}
