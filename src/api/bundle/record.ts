import type { RunEventStream } from '../client.js';
import type { RecordedRunEvent } from './types.js';

/** Collects a run's stream events, with their times, as they pass through to the app. */
export interface RunEventRecorder {
  /** Everything recorded so far, in arrival order; pass it to `collectRunBundle({ events })`. */
  readonly events: RecordedRunEvent[];
  /** `stream`, unchanged, recording each event as it is read. Record every stream of one run with the same recorder. */
  record(stream: RunEventStream): RunEventStream;
}

/**
 * A recorder of one run's stream events. Times are ms since the first event recorded (the run's
 * `thread.run.created`, for a stream that started the run), read from `now` (default `Date.now`).
 *
 * @example
 * const recorder = createRunEventRecorder();
 * for await (const event of recorder.record(client.createRunStream(threadId, params))) apply(event);
 * const bundle = await collectRunBundle(client, threadId, runId, { events: recorder.events });
 */
export function createRunEventRecorder(options: { now?: () => number } = {}): RunEventRecorder {
  const now = options.now ?? Date.now;
  const events: RecordedRunEvent[] = [];
  let origin: number | undefined;
  return {
    events,
    async *record(stream) {
      for await (const event of stream) {
        const time = now();
        origin ??= time;
        events.push({ at: time - origin, event });
        yield event;
      }
    },
  };
}
