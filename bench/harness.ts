import OpenAI from 'openai';
import { createEmulator, createSystemClock, demoIds, type Emulator, type EmulatorOptions } from '../src/emulator';
import { serveEmulator } from '../src/emulator/node';

/** One status as someone saw it, at `performance.now()` ms. */
export interface Sighting {
  status: string;
  at: number;
}

/** A fresh emulator on 127.0.0.1 (system clock at `speed`), an SDK client whose responses are watched, and an oracle. */
export interface Trial {
  emulator: Emulator;
  openai: OpenAI;
  /** Statuses in run JSON and run stream events the client received (GET, create, submit), in arrival order. */
  clientSightings: Sighting[];
  /** Starts reading the run every `everyMs` in-process (not over HTTP, not counted); returns stop(). */
  watch(threadId: string, runId: string, everyMs?: number): () => Sighting[];
  /** Requests the client sent (the oracle's own are excluded). */
  clientRequests(): { total: number; polls: number };
  close(): Promise<void>;
}

/**
 * Calls `onFrame` with each SSE frame's event name and data as the bytes carrying it arrive; ends
 * quietly when the stream is cut or the client goes away.
 */
export async function watchSseFrames(body: ReadableStream<Uint8Array>, onFrame: (event: string, data: string, at: number) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffered = '';
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const at = performance.now();
      buffered += decoder.decode(value, { stream: true });
      const frames = buffered.split('\n\n');
      buffered = frames.pop() ?? '';
      for (const frame of frames) {
        const match = /^event: ([\w.]+)\ndata: (.*)$/s.exec(frame);
        if (match) onFrame(match[1]!, match[2]!, at);
      }
    }
  } catch {
    // Cut, or the client went away: nothing more to watch.
  }
}

/** Records the status of each `thread.run.*` event of an SSE body as it arrives. */
const watchRunEvents = (body: ReadableStream<Uint8Array>, sightings: Sighting[]): Promise<void> =>
  watchSseFrames(body, (event, data, at) => {
    const status = event.startsWith('thread.run.') && !event.startsWith('thread.run.step') ? (JSON.parse(data) as { status?: string }).status : undefined;
    if (status) sightings.push({ status, at });
  });

/** The backend a trial runs against: the emulator's defaults, or e.g. no poll hint and jittered timings. */
export type Backend = Pick<EmulatorOptions, 'pollHints' | 'timingJitter'>;

/**
 * A fetch that watches answers and changes nothing: an event stream is teed to `onStream`, a JSON
 * body is read from a clone and handed to `onJson` with the time its bytes arrived.
 */
export function watchingFetch<T>(onStream: (events: ReadableStream<Uint8Array>) => void, onJson: (body: T, at: number) => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const type = response.headers.get('content-type') ?? '';
    if (type.includes('text/event-stream') && response.body) {
      const [watched, passed] = response.body.tee();
      onStream(watched);
      return new Response(passed, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    if (type.includes('application/json')) {
      const at = performance.now();
      void response
        .clone()
        .json()
        .then((body: T) => onJson(body, at))
        .catch(() => undefined);
    }
    return response;
  };
}

/**
 * The oracle's loop: every `everyMs`, `read()` the run's status in-process (undefined: nothing to
 * read yet) and record each change; the returned stop function ends it and hands the changes over.
 */
export function watchStatusEvery(everyMs: number, read: () => Promise<string> | undefined): () => Sighting[] {
  const seen: Sighting[] = [];
  const timer = setInterval(() => {
    void read()?.then((status) => {
      if (seen.at(-1)?.status !== status) seen.push({ status, at: performance.now() });
    });
  }, everyMs);
  return () => {
    clearInterval(timer);
    return seen;
  };
}

export async function startTrial(speed: number, backend: Backend = {}): Promise<Trial> {
  const emulator = createEmulator({ clock: createSystemClock({ speed }), seed: true, ...backend });
  const server = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' });
  const clientSightings: Sighting[] = [];
  let oracleRequests = 0;

  // Watches responses, changes nothing: every strategy is measured at the same point (a status
  // counts as seen when the bytes carrying it reach the client, polled or streamed).
  const watchedFetch = watchingFetch(
    (events) => void watchRunEvents(events, clientSightings),
    (body: { object?: string; status?: string }, at) => {
      if (body.object === 'thread.run' && body.status) clientSightings.push({ status: body.status, at });
    },
  );
  const openai = new OpenAI({ apiKey: 'sk-bench', baseURL: server.url, fetch: watchedFetch });

  return {
    emulator,
    openai,
    clientSightings,
    watch(threadId, runId, everyMs = 10) {
      const url = `${server.url}/threads/${threadId}/runs/${runId}`;
      return watchStatusEvery(everyMs, () => {
        oracleRequests += 1;
        return emulator
          .handle(new Request(url, { headers: { 'OpenAI-Beta': 'assistants=v2' } }))
          .then((response) => response.json() as Promise<{ status: string }>)
          .then(({ status }) => status);
      });
    },
    clientRequests() {
      const mine = emulator.requests.length - oracleRequests;
      const polls = emulator.requests.filter((r) => r.method === 'GET' && /\/runs\/run_[^/]+$/.test(r.path)).length - oracleRequests;
      return { total: mine, polls };
    },
    close: server.close,
  };
}

export const functionCallAssistant = demoIds.assistants.function_call;

/**
 * Staleness of each server-driven transition (every oracle sighting but the first, and but
 * `queued`, which only the client's own create/submit causes): from the oracle seeing it to the
 * client first seeing it or anything later. A status the client never saw counts as seen when a
 * later one was.
 */
export function stalenessMs(oracle: Sighting[], client: Sighting[]): number[] {
  const seenAt: (number | undefined)[] = oracle.map(() => undefined);
  let position = 0;
  for (const sighting of client) {
    const index = oracle.findIndex((o, i) => i >= position && o.status === sighting.status);
    if (index === -1) continue;
    for (let i = position; i <= index; i++) seenAt[i] ??= sighting.at;
    position = index;
  }
  return oracle.flatMap((transition, i) => {
    const seen = seenAt[i];
    if (i === 0 || transition.status === 'queued' || seen === undefined) return [];
    return [Math.max(0, seen - transition.at)];
  });
}
