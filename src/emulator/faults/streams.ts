import type { Clock } from '../clock.js';
import { relay, type Relay } from './relay.js';
import { ConnectionResetError } from './reset.js';

// Faults that rewrite a body as it streams. Each takes the original body and the request's signal
// and returns the body to send; nothing here sleeps in wall time (the clock decides).

type Body = ReadableStream<Uint8Array>;

async function resetAfter(io: Relay): Promise<never> {
  await io.drained();
  throw new ConnectionResetError();
}

/** Sends the first `bytes` bytes, then drops the connection (at the end, if the body is shorter). */
export function cutAfterBytes(source: Body, signal: AbortSignal, bytes: number): Body {
  return relay(source, signal, async (io) => {
    let left = bytes;
    for await (const chunk of io.chunks()) {
      if (chunk.byteLength >= left) {
        if (left > 0) io.send(chunk.subarray(0, left));
        break;
      }
      io.send(chunk);
      left -= chunk.byteLength;
    }
    io.release();
    return resetAfter(io);
  });
}

/** Sends `afterEvents` whole SSE events and half of the next, then drops the connection. */
export function cutSseMidEvent(source: Body, signal: AbortSignal, afterEvents: number): Body {
  return relay(source, signal, async (io) => {
    let sent = 0;
    for await (const frame of io.frames()) {
      if (sent === afterEvents) {
        io.send(frame.slice(0, Math.max(1, Math.floor(frame.length / 2))));
        break;
      }
      io.send(frame);
      sent += 1;
    }
    io.release();
    return resetAfter(io);
  });
}

/**
 * Sends `afterEvents` SSE events, then nothing: the source is released (its producer stops) and the
 * connection stays open until the client goes away. `onHold` runs while it is held.
 */
export function stallSse(source: Body, signal: AbortSignal, afterEvents: number, onHold: () => () => void): Body {
  return relay(source, signal, async (io) => {
    let sent = 0;
    for await (const frame of io.frames()) {
      if (sent === afterEvents) break;
      io.send(frame);
      sent += 1;
    }
    io.release();
    const done = onHold();
    await io.stopped().finally(done);
  });
}

/** Rewrites the `data` of the first SSE event that carries a JSON object; the rest passes as it is. */
export function rewriteFirstSseEvent(source: Body, signal: AbortSignal, rewrite: (data: string) => string): Body {
  return relay(source, signal, async (io) => {
    let rewritten = false;
    for await (const frame of io.frames()) {
      const data = /^data: (\{.*)$/m.exec(frame);
      if (rewritten || !data?.[1]) {
        io.send(frame);
        continue;
      }
      io.send(frame.replace(data[1], () => rewrite(data[1] ?? '')));
      rewritten = true;
    }
  });
}

/** Passes the body on `chunkBytes` at a time, `intervalMs` of emulator time apart. */
export function trickle(source: Body, signal: AbortSignal, clock: Clock, chunkBytes: number, intervalMs: number): Body {
  return relay(source, signal, async (io) => {
    let first = true;
    for await (const chunk of io.chunks()) {
      for (let offset = 0; offset < chunk.byteLength; offset += chunkBytes) {
        if (!first) await clock.sleep(intervalMs, io.signal);
        first = false;
        io.send(chunk.subarray(offset, offset + chunkBytes));
      }
    }
  });
}

/** A one-chunk stream of `bytes`. */
export const streamOf = (bytes: Uint8Array): Body =>
  new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
