/** What a fault that rewrites a body stream works with. */
export interface Relay {
  /** Aborted once the reader cancels or the request's signal aborts: stop producing. */
  signal: AbortSignal;
  /** The source's chunks, until it ends or the relay stops. */
  chunks(): AsyncGenerator<Uint8Array>;
  /** The source as SSE frames (each ending in a blank line); a trailing partial frame last. */
  frames(): AsyncGenerator<string>;
  send(data: Uint8Array | string): void;
  /** Resolves once the reader has taken everything sent, so an error raised next loses none of it. */
  drained(): Promise<void>;
  /** Stops reading the source (cancelling it releases whatever produces it). */
  release(): void;
  /** Resolves when the relay stops (the client went away). */
  stopped(): Promise<void>;
}

/**
 * A body stream written by `produce` from `source`: it closes when `produce` resolves and errors with
 * what it throws. High-water mark 0, so a pull means the reader is waiting for more.
 */
export function relay(source: ReadableStream<Uint8Array>, signal: AbortSignal, produce: (io: Relay) => Promise<void>): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  const stop = new AbortController();
  const encoder = new TextEncoder();
  let waiting = false;
  let onPull: (() => void) | undefined;
  const release = (): void => void reader.cancel().catch(() => undefined);
  const stopped = (): Promise<void> =>
    new Promise((resolve) => (stop.signal.aborted ? resolve() : stop.signal.addEventListener('abort', () => resolve(), { once: true })));

  async function* chunks(): AsyncGenerator<Uint8Array> {
    while (!stop.signal.aborted) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  }
  async function* frames(): AsyncGenerator<string> {
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of chunks()) {
      buffered += decoder.decode(chunk, { stream: true });
      for (let end = buffered.indexOf('\n\n'); end >= 0; end = buffered.indexOf('\n\n')) {
        yield buffered.slice(0, end + 2);
        buffered = buffered.slice(end + 2);
      }
    }
    buffered += decoder.decode();
    if (buffered) yield buffered;
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const io: Relay = {
          signal: stop.signal,
          chunks,
          frames,
          send(data) {
            waiting = false;
            controller.enqueue(typeof data === 'string' ? encoder.encode(data) : data);
          },
          drained: () => (waiting ? Promise.resolve() : Promise.race([new Promise<void>((resolve) => (onPull = resolve)), stopped()])),
          release,
          stopped,
        };
        const end = (reason?: unknown): void => {
          if (stop.signal.aborted) return;
          stop.abort();
          release();
          try {
            if (reason === undefined) controller.close();
            else controller.error(reason);
          } catch {
            // Already closed or errored.
          }
        };
        if (signal.aborted) end(signal.reason);
        else signal.addEventListener('abort', () => end(signal.reason), { once: true });
        produce(io).then(() => end(), (error: unknown) => end(error ?? new Error('fault relay failed')));
      },
      pull() {
        waiting = true;
        onPull?.();
        onPull = undefined;
      },
      cancel() {
        stop.abort();
        release();
      },
    },
    { highWaterMark: 0 },
  );
}
