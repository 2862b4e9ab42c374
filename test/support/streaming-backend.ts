import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import type { RunsClient } from '../../src/api/client';
import { createEmulator, createManualClock, type Emulator, type ManualClock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';
import { responsesBackend } from './responses-backend';
import { startSseProxy, type SseProxy } from './sse-proxy';

/*
 * For stream tests: the seeded emulator over HTTP on 127.0.0.1 with a manual clock that counts the
 * server-side streams waiting on it (so a test sees the emulator notice a client going away), and
 * the official SDK talking to it through an SseProxy that can cut a stream or inject an `error`.
 */
export interface StreamingBackend {
  emulator: Emulator;
  clock: ManualClock;
  openai: OpenAI;
  client: RunsClient;
  proxy: SseProxy;
  /** Emulator streams currently waiting for emulator time (open streams between events). */
  waitingStreams(): number;
  /** GET requests (polls and refetches) under the thread since `since`, an index into emulator.requests. */
  gets(threadId: string, since?: number): { method: string; path: string }[];
  /** GETs of one run since `since` (on the Responses backend, of any response of its chain; streams aside). */
  runGets(threadId: string, runId: string, since: number): number;
  /** A new thread (on the Responses backend, a conversation). */
  createThread(): Promise<string>;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

function countingClock(start: number): { clock: ManualClock; waiting: () => number } {
  const inner = createManualClock(start);
  let waiting = 0;
  const clock: ManualClock = {
    now: inner.now,
    advance: inner.advance,
    set: inner.set,
    async sleep(ms, signal) {
      waiting += 1;
      try {
        await inner.sleep(ms, signal);
      } finally {
        waiting -= 1;
      }
    },
  };
  return { clock, waiting: () => waiting };
}

export async function startStreamingBackend(backend: 'assistants' | 'responses' = 'assistants'): Promise<StreamingBackend> {
  const { clock, waiting } = countingClock(Date.UTC(2026, 0, 1));
  const emulator = createEmulator({ clock, seed: true });
  const server = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' });
  closers.push(server.close);
  const proxy = await startSseProxy(server.url);
  // dangerouslyAllowBrowser: jsdom tests look like a browser to the SDK; the key here is a dummy.
  const openai = new OpenAI({ apiKey: 'sk-test', baseURL: proxy.url, maxRetries: 0, dangerouslyAllowBrowser: true });
  const responses = backend === 'responses' ? await responsesBackend(openai) : undefined;
  // A Responses run's requests name its responses and its conversation, not a thread.
  const isUnder = (threadId: string, path: string) => (responses ? /\/responses\//.test(path) || path.includes(`/conversations/${threadId}/`) : path.includes(`/threads/${threadId}/`));
  const gets = (threadId: string, since = 0) => emulator.requests.slice(since).filter((r) => r.method === 'GET' && !r.search.includes('stream=true') && isUnder(threadId, r.path));
  return {
    emulator,
    clock,
    openai,
    client: responses?.client ?? createAssistantsRunsClient(openai),
    proxy,
    waitingStreams: waiting,
    gets,
    runGets: (threadId, runId, since) => {
      const ids = responses?.responseIdsOf(runId);
      return gets(threadId, since).filter((r) => (ids ? ids.has(r.path.slice(r.path.lastIndexOf('/') + 1)) : r.path.endsWith(`/runs/${runId}`))).length;
    },
    createThread: async () => (responses ? (await openai.conversations.create({})).id : (await openai.beta.threads.create({})).id),
  };
}

/** Yields to I/O for a moment. */
export const tick = (ms = 2): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Moves emulator time in `stepMs` steps, letting I/O run between them, until `done()` holds. */
export async function advanceUntil(clock: ManualClock, done: () => boolean, what: string, stepMs = 100, maxSteps = 600): Promise<void> {
  for (let i = 0; i < maxSteps && !done(); i += 1) {
    await tick();
    if (!done()) clock.advance(stepMs);
  }
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}

/** Lets I/O run, without moving emulator time, until `done()` holds. */
export async function settle(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !done(); i += 1) await tick();
  if (!done()) throw new Error(`timed out waiting for ${what}`);
}
