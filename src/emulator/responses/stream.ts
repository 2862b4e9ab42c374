import type { Clock } from '../clock.js';
import { encodeEvent, pumpedStream, waitForChange } from '../sse.js';
import { tickResponses } from './lifecycle.js';
import type { ResponseRecord, ResponsesState } from './state.js';
import { isTerminalResponse } from './types.js';

export interface ResponseStreamOptions {
  state: ResponsesState;
  record: ResponseRecord;
  /** Index into the response's log (= the next `sequence_number` to send). */
  from: number;
  /** The request's signal: a client that goes away ends the stream. */
  signal: AbortSignal;
}

/**
 * The response's events as `text/event-stream`, each sent once emulator time reaches it (a replay
 * of the log, then live). Unlike the Assistants stream there is no `done` sentinel: the stream
 * ends after `response.completed` / `.failed` / `.incomplete`, or when the response is cancelled.
 */
export function responseEventStream(options: ResponseStreamOptions): ReadableStream<Uint8Array> {
  const { state, record } = options;
  const clock = state.engine.clock;
  const encoder = new TextEncoder();
  const stop = new AbortController();
  options.signal.addEventListener('abort', () => stop.abort(), { once: true });

  async function pump(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    let cursor = options.from;
    while (!stop.signal.aborted) {
      tickResponses(state, clock.now());
      for (; cursor < record.log.length; cursor += 1) {
        const event = record.log[cursor];
        if (event) controller.enqueue(encoder.encode(encodeEvent(event.type, event)));
      }
      const next = record.pending[0];
      if (!next || isTerminalResponse(record.object.status)) break;
      await waitForChange(clock, record.listeners, next.at - clock.now(), stop.signal);
    }
    controller.close();
  }

  return pumpedStream(pump, stop);
}
