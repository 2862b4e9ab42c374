// The main thread's side of the soak emulator (emulator-worker.ts): start it, move its clock, read
// its request log. Kept apart from the worker's file so the client's heap loads no emulator code.
import { Worker } from 'node:worker_threads';

export const SOAK_START_MS = Date.UTC(2026, 0, 1);

type Command = { type: 'advance'; ms: number } | { type: 'requests'; fromMs: number } | { type: 'answered'; path: string } | { type: 'recent'; count: number } | { type: 'close' };
export type WorkerRequest = Command & { id: number };
/** What the emulator received, counted by its own clock. */
export interface RequestCounts {
  total: number;
  /** Requests per emulator minute from `fromMs` on, index 0 = the first minute. */
  perMinute: number[];
}
export type Reply = { id: number; now?: number; counts?: RequestCounts; recent?: string[] };

export interface SoakEmulator {
  url: string;
  /** The seeded demo assistants' ids, by the scenario each one runs. */
  assistants: Record<string, string>;
  /** Moves emulator time forward; resolves with the new time once the worker did it. */
  advance(ms: number): Promise<number>;
  /** Requests so far; `perMinute` counts those from emulator time `fromMs` on. */
  requests(fromMs?: number): Promise<RequestCounts>;
  /** Resolves once the emulator has answered a POST to `path` (e.g. `/v1/threads/t/runs/r/cancel`). */
  answered(path: string): Promise<void>;
  /** The last `count` requests as `+<emulator s> METHOD path?search`, to say where a stuck soak stopped. */
  recent(count: number): Promise<string[]>;
  close(): Promise<void>;
}

/** Starts the worker (tsx's loader registered first: Node does not give a worker the main thread's loader). */
export async function startSoakEmulator(): Promise<SoakEmulator> {
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./emulator-worker.ts', import.meta.url).href)}); });`;
  const worker = new Worker(bootstrap, { eval: true });
  const { url, assistants } = await new Promise<{ url: string; assistants: Record<string, string> }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  let nextId = 0;
  const waiting = new Map<number, (reply: Reply) => void>();
  worker.on('message', (reply: Reply) => waiting.get(reply.id)?.(reply));
  const call = (request: Command): Promise<Reply> =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        resolve(reply);
      });
      worker.postMessage({ ...request, id });
    });
  return {
    url,
    assistants,
    advance: async (ms) => (await call({ type: 'advance', ms })).now!,
    requests: async (fromMs = SOAK_START_MS) => (await call({ type: 'requests', fromMs })).counts!,
    answered: async (path) => void (await call({ type: 'answered', path })),
    recent: async (count) => (await call({ type: 'recent', count })).recent!,
    close: async () => {
      await call({ type: 'close' });
      await worker.terminate();
    },
  };
}

