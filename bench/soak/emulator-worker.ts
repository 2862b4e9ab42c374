// The emulator for bench:soak, in a worker thread of its own (started by soak-emulator.ts): it keeps
// every run, step and request of the hour, as a server does, and in its own thread that memory and
// its timers are not counted as the client's. Served over HTTP on 127.0.0.1 with a manual clock
// that the main thread moves.
import { parentPort } from 'node:worker_threads';
import { createEmulator, createManualClock, demoIds } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';
import { SOAK_START_MS, type Reply, type WorkerRequest } from './soak-emulator';

async function serve(): Promise<void> {
  const clock = createManualClock(SOAK_START_MS);
  const emulator = createEmulator({ clock, seed: true });
  // POSTs the emulator has answered (`POST /v1/threads/…/cancel`), so the driver can wait for a
  // click to land before moving time: cancelling shows at once (optimistic), before the POST arrives.
  const answered = new Map<string, number>();
  const waiters: { key: string; resolve(): void }[] = [];
  const handle = async (request: Request): Promise<Response> => {
    const response = await emulator.handle(request);
    if (request.method === 'POST') {
      const key = new URL(request.url).pathname;
      answered.set(key, (answered.get(key) ?? 0) + 1);
      for (const waiter of waiters.filter((w) => w.key === key)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
    return response;
  };
  const server = await serveEmulator({ ...emulator, handle }, { port: 0, host: '127.0.0.1' });
  const port = parentPort!;
  port.postMessage({ url: server.url, assistants: demoIds.assistants });
  port.on('message', async (request: WorkerRequest) => {
    if (request.type === 'advance') {
      clock.advance(request.ms);
      port.postMessage({ id: request.id, now: clock.now() } satisfies Reply);
    } else if (request.type === 'requests') {
      const perMinute: number[] = [];
      for (const { at } of emulator.requests) {
        if (at < request.fromMs) continue;
        const minute = Math.floor((at - request.fromMs) / 60_000);
        while (perMinute.length <= minute) perMinute.push(0);
        perMinute[minute]! += 1;
      }
      port.postMessage({ id: request.id, counts: { total: emulator.requests.length, perMinute } } satisfies Reply);
    } else if (request.type === 'answered') {
      const reply = () => port.postMessage({ id: request.id } satisfies Reply);
      if (answered.has(request.path)) reply();
      else waiters.push({ key: request.path, resolve: reply });
    } else if (request.type === 'recent') {
      const recent = emulator.requests.slice(-request.count).map((r) => `+${((r.at - SOAK_START_MS) / 1000).toFixed(1)} s ${r.method} ${r.path}${r.search}`);
      port.postMessage({ id: request.id, recent } satisfies Reply);
    } else {
      await server.close();
      port.postMessage({ id: request.id } satisfies Reply);
    }
  });
}

void serve();
