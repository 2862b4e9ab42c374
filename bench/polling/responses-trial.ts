import OpenAI from 'openai';
import type { ResponseObject } from '../../src/api/schemas/responses/index';
import { runStatusOf } from '../../src/backends/responses/chain-run';
import { createEmulator, createSystemClock, type Emulator } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';
import { watchingFetch, watchSseFrames, watchStatusEvery, type Backend, type Sighting } from '../harness';

/*
 * harness.ts's Trial for the Responses API: a fresh emulator on 127.0.0.1, an SDK client whose
 * answers are watched, and an oracle. A run there is a chain of responses, so every status seen
 * (by the client or the oracle) is the run status of the response it came with (chain-run.ts's
 * rule: a completed response with function calls is `requires_action`), and the oracle follows the
 * newest response the client was told about (each trial has one run in one conversation).
 */

export interface ResponsesTrial {
  emulator: Emulator;
  openai: OpenAI;
  /** The emulator's `/v1` URL, for putting a proxy in front of it. */
  url: string;
  /** Run statuses in response JSON and `response.*` stream events the client received, in arrival order. */
  clientSightings: Sighting[];
  /** Starts reading the run's newest response every `everyMs` in-process (not counted); returns stop(). */
  watch(everyMs?: number): () => Sighting[];
  /** Requests the client sent (the oracle's excluded); polls are response GETs that are not streams. */
  clientRequests(): { total: number; polls: number };
  close(): Promise<void>;
}

export interface ResponsesTrialOptions {
  /** Where the SDK sends its requests instead of the emulator (a proxy in front of `url`). */
  via?: (emulatorURL: string) => Promise<{ url: string; close(): Promise<void> }>;
}

type ResponseJson = { object?: string; id?: string; status?: string; output?: { type: string }[] };

const runStatusOfJson = (response: ResponseJson): string => runStatusOf(response as ResponseObject);

/** Calls `onResponse` with the response of each `response.*` lifecycle event of an SSE body as it arrives. */
const watchResponseEvents = (body: ReadableStream<Uint8Array>, onResponse: (response: ResponseJson, at: number) => void): Promise<void> =>
  watchSseFrames(body, (event, data, at) => {
    const response = event.startsWith('response.') ? (JSON.parse(data) as { response?: ResponseJson }).response : undefined;
    if (response?.status) onResponse(response, at);
  });

export async function startResponsesTrial(speed: number, backend: Backend = {}, options: ResponsesTrialOptions = {}): Promise<ResponsesTrial> {
  const emulator = createEmulator({ clock: createSystemClock({ speed }), seed: true, ...backend });
  const server = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' });
  const front = options.via ? await options.via(server.url) : undefined;
  const clientSightings: Sighting[] = [];
  let newest: string | undefined;
  let oracleRequests = 0;

  const saw = (response: ResponseJson, at: number) => {
    if (response.object !== 'response' || !response.id || !response.status) return;
    // Every response of the run starts `queued` (background), and the newest is the one the oracle reads from then on.
    if (response.status === 'queued' || newest === undefined) newest = response.id;
    clientSightings.push({ status: runStatusOfJson(response), at });
  };

  // As harness.ts: watches answers, changes nothing; a status counts as seen when its bytes arrive.
  const watchedFetch = watchingFetch((events) => void watchResponseEvents(events, saw), saw);
  const openai = new OpenAI({ apiKey: 'sk-bench', baseURL: front?.url ?? server.url, fetch: watchedFetch });

  return {
    emulator,
    openai,
    url: server.url,
    clientSightings,
    watch(everyMs = 10) {
      return watchStatusEvery(everyMs, () => {
        if (!newest) return undefined;
        oracleRequests += 1;
        return emulator
          .handle(new Request(`${server.url}/responses/${newest}`))
          .then((response) => response.json() as Promise<ResponseJson>)
          .then(runStatusOfJson);
      });
    },
    clientRequests() {
      const mine = emulator.requests.length - oracleRequests;
      const responseGets = emulator.requests.filter((r) => r.method === 'GET' && /\/responses\/resp_[^/]+$/.test(r.path) && !/stream=true/.test(r.search)).length;
      return { total: mine, polls: responseGets - oracleRequests };
    },
    async close() {
      await front?.close();
      await server.close();
    },
  };
}
