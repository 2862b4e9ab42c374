import OpenAI from 'openai';
import type { RunsClient } from '../../src/api/client';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import { createEmulator, createManualClock, type Emulator, type ManualClock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';

/*
 * One lifecycle's backend, with no test framework in it (the bench imports it too): the seeded
 * emulator over HTTP on 127.0.0.1 with a manual clock, a pump that moves that clock while the
 * person acts, SDK clients that log what the layer sends, and a clean client for the server's truth.
 */

/** One HTTP attempt an SDK client made; `retry` is the SDK's own retry count (0: the layer sent it). */
export interface SendRecord {
  method: string;
  path: string;
  retry: number;
}

export interface TabSdk {
  openai: OpenAI;
  client: RunsClient;
  sends: SendRecord[];
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Moves emulator time by `stepMs` every few wall-clock ms, so runs progress and the faults'
 * delays (latency, slow bodies) pass while the person waits for the screen.
 */
export class ClockPump {
  stepMs = 100;
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(private readonly clock: ManualClock, tickMs = 2) {
    this.loop = (async () => {
      while (!this.stopped) {
        await sleep(tickMs);
        if (!this.stopped) this.clock.advance(this.stepMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }
}

/** Waits in wall time until `done()` holds; false when `wallMs` passed first. */
export async function waitFor(done: () => boolean, wallMs: number, onLook?: () => void): Promise<boolean> {
  const until = performance.now() + wallMs;
  while (!done()) {
    if (performance.now() > until) return false;
    onLook?.();
    await sleep(4);
  }
  return true;
}

export interface ChaosBackend {
  emulator: Emulator;
  clock: ManualClock;
  pump: ClockPump;
  /** A client for the server's truth: no retries, used only while faults are off. */
  truth: RunsClient;
  truthOpenAI: OpenAI;
  /** A tab's own SDK (`maxRetries: 2`, as apps configure it), logging every attempt. */
  sdk(): TabSdk;
  close(): Promise<void>;
}

function recordingFetch(sends: SendRecord[]): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const retry = Number(new Headers(init?.headers).get('x-stainless-retry-count') ?? 0);
    sends.push({ method: init?.method ?? 'GET', path: new URL(url).pathname, retry });
    return fetch(input, init);
  };
}

/**
 * A tab's SDK: `maxRetries: 2`, as apps configure it; its log is off because the faults make it
 * complain (malformed stream events) on purpose.
 */
export function createTabSdk(baseURL: string): TabSdk {
  const sends: SendRecord[] = [];
  const openai = new OpenAI({ apiKey: 'sk-chaos', baseURL, maxRetries: 2, fetch: recordingFetch(sends), logLevel: 'off' });
  return { openai, client: createAssistantsRunsClient(openai), sends };
}

export async function startChaosBackend(): Promise<ChaosBackend> {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const emulator = createEmulator({ clock, seed: true });
  const server = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' });
  const truthOpenAI = new OpenAI({ apiKey: 'sk-chaos', baseURL: server.url, maxRetries: 0 });
  const pump = new ClockPump(clock);
  return {
    emulator,
    clock,
    pump,
    truth: createAssistantsRunsClient(truthOpenAI),
    truthOpenAI,
    sdk: () => createTabSdk(server.url),
    async close() {
      await pump.stop();
      await server.close();
    },
  };
}
