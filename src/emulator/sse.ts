import type { Clock } from './clock.js';
import type { Engine } from './engine.js';
import type { RunRecord } from './store.js';
import type { StreamEvent } from './types.js';
import { eventView } from './views.js';

const endsStream = new Set([
  'thread.run.requires_action',
  'thread.run.completed',
  'thread.run.failed',
  'thread.run.cancelled',
  'thread.run.expired',
  'thread.run.incomplete',
]);

export const encodeEvent = (event: string, data: unknown): string =>
  `event: ${event}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

export interface RunStreamOptions {
  engine: Engine;
  record: RunRecord;
  /** Index into the run's event log to start from (events of the request that opened the stream). */
  from: number;
  /** Events sent before the run's own (`thread.created` for createAndRun). */
  prefix?: StreamEvent[];
  includeContent: boolean;
  /** The request's signal: a client that goes away ends the stream. */
  signal: AbortSignal;
}

/**
 * Sleeps until `ms` of emulator time passed, the record logs something new (its `listeners` are
 * called), or the stream ends. For runs and, in responses/stream.ts, responses.
 */
export async function waitForChange(clock: Clock, listeners: Set<() => void>, ms: number, signal: AbortSignal): Promise<void> {
  const wake = new AbortController();
  const onWake = (): void => wake.abort();
  listeners.add(onWake);
  signal.addEventListener('abort', onWake, { once: true });
  try {
    await clock.sleep(ms, wake.signal);
  } catch {
    // Woken early: a new event, a cancel, or the end of the stream; the loop looks again.
  } finally {
    listeners.delete(onWake);
    signal.removeEventListener('abort', onWake);
  }
}

/**
 * The run's events as `text/event-stream`, sent as emulator time reaches them. It replays the
 * run's log (the same objects GET returned at each moment) and ends with `done` after
 * requires_action or a terminal status.
 */
export function runEventStream(options: RunStreamOptions): ReadableStream<Uint8Array> {
  const { engine, record, includeContent } = options;
  const encoder = new TextEncoder();
  const stop = new AbortController();
  options.signal.addEventListener('abort', () => stop.abort(), { once: true });

  async function pump(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    const send = (event: string, data: unknown): void => controller.enqueue(encoder.encode(encodeEvent(event, data)));
    const finish = (): void => {
      send('done', '[DONE]');
      controller.close();
    };
    for (const event of options.prefix ?? []) send(event.event, event.data);
    let cursor = options.from;
    while (!stop.signal.aborted) {
      engine.tick(engine.clock.now());
      for (; cursor < record.log.length; cursor += 1) {
        const event = record.log[cursor];
        if (!event) continue;
        const view = eventView(event, includeContent);
        send(view.event, view.data);
        if (endsStream.has(event.event)) return finish();
      }
      const next = record.pending[0];
      if (!next) return finish();
      await waitForChange(engine.clock, record.listeners, next.at - engine.clock.now(), stop.signal);
    }
    controller.close();
  }

  return pumpedStream(pump, stop);
}

/** A stream that `pump` writes as events come due; a reader that goes away stops it. */
export function pumpedStream(pump: (controller: ReadableStreamDefaultController<Uint8Array>) => Promise<void>, stop: AbortController): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      pump(controller).catch(() => {
        // The reader went away mid-write; nothing left to tell it.
      });
    },
    cancel() {
      stop.abort();
    },
  });
}

export function sseResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  });
}
