import { createByteScrubber } from './scrub.js';

// An event stream passed through as it arrives: each chunk goes to the client unchanged, pulled
// only when the client reads (highWaterMark 0, so backpressure reaches the upstream). Until the
// event naming a created resource has gone by, the text is also read to find it; its owner is
// recorded before the chunk carrying it is passed on, so the client cannot use the id first.

export interface TapOptions {
  /** Finds a created id in one event (`event:` name, parsed `data:`); null stops looking. */
  findCreated: ((event: string | undefined, data: unknown) => string | undefined) | null;
  onCreated(id: string): Promise<void>;
  /** The longest wait for the next chunk. */
  idleMs: number;
  /** Never passed on (replaced), should the upstream echo it: the key. */
  secret: string;
  /** Stops the upstream request (idle, or the client went away). */
  abortUpstream(): void;
  /** Called once: the stream ended, broke, or the client cancelled it. */
  onEnd(error?: string): void;
}

/** Looked through for the created id; a stream that has not named it in this much text is left alone. */
const MAX_WATCHED_CHARS = 256 * 1024;

/** The `event:` name and parsed `data:` of one SSE block; undefined data when it is not JSON. */
function parseBlock(block: string): { event: string | undefined; data: unknown } {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line.startsWith('event:')) event = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  try {
    return { event, data: JSON.parse(data.join('\n')) as unknown };
  } catch {
    return { event, data: undefined };
  }
}

export function tapEventStream(body: ReadableStream<Uint8Array>, options: TapOptions): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let watching = options.findCreated !== null;
  let text = '';
  let ended = false;
  let idle = false;
  const scrubber = createByteScrubber(options.secret);

  const end = (error?: string): void => {
    if (ended) return;
    ended = true;
    options.onEnd(error);
  };

  /** Reads the chunk's text for the created id; resolves once its owner is recorded. */
  async function watch(chunk: Uint8Array): Promise<void> {
    text += decoder.decode(chunk, { stream: true });
    for (let at = text.search(/\r?\n\r?\n/); watching && at !== -1; at = text.search(/\r?\n\r?\n/)) {
      const { event, data } = parseBlock(text.slice(0, at));
      text = text.slice(at).replace(/^\r?\n\r?\n/, '');
      const id = options.findCreated?.(event, data);
      if (id !== undefined) {
        watching = false;
        await options.onCreated(id);
      }
    }
    if (text.length > MAX_WATCHED_CHARS) watching = false;
    if (!watching) text = '';
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // Until something is passed on: a pull that enqueues nothing would not be called again.
        for (;;) {
          const timer = setTimeout(() => {
            idle = true;
            options.abortUpstream();
          }, options.idleMs);
          let next: ReadableStreamReadResult<Uint8Array>;
          try {
            next = await reader.read();
            clearTimeout(timer);
            if (!next.done && watching) await watch(next.value);
          } catch (error) {
            clearTimeout(timer);
            const why = idle ? `the upstream sent nothing for ${options.idleMs} ms` : 'the upstream stream broke';
            controller.error(new Error(`The event stream was cut: ${why}.`, { cause: error }));
            end(why);
            return;
          }
          if (next.done) {
            const held = scrubber.flush();
            if (held.byteLength) controller.enqueue(held);
            controller.close();
            end();
            return;
          }
          const passed = scrubber.push(next.value);
          if (passed.byteLength) {
            controller.enqueue(passed);
            return;
          }
        }
      },
      async cancel() {
        end('the client closed the stream');
        options.abortUpstream();
        await reader.cancel().catch(() => undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
