import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, createManualClock, demoIds } from '../../../src/emulator';
import { serveEmulator } from '../../../src/emulator/node';
import { createRunsProxy } from '../../../src/proxy';
import { toNodeListener } from '../../../src/proxy/node';

// toNodeListener inside an app's own node:http server, mounted the way Express's `app.use(path, …)`
// mounts it: `req.url` stripped of the mount path, `req.originalUrl` keeping it. The proxy still
// matches its full basePath; the app's other routes are untouched.

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

describe('toNodeListener', () => {
  it('serves the proxy under a mount path beside the app’s own routes', async () => {
    const emulator = createEmulator({ clock: createManualClock(Date.UTC(2026, 0, 1)), seed: true });
    const upstream = await serveEmulator(emulator, { port: 0 });
    stops.push(upstream.close);
    const listener = toNodeListener(createRunsProxy({ upstream: { baseURL: upstream.url, apiKey: 'sk-server-node-adapter' }, backend: 'assistants', basePath: '/api/openai' }));
    const server = createServer((req: IncomingMessage & { originalUrl?: string }, res) => {
      if (req.url?.startsWith('/api/openai/')) {
        req.originalUrl = req.url;
        req.url = req.url.slice('/api/openai'.length);
        listener(req, res);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' }).end('the app');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stops.push(() => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const openai = new OpenAI({ apiKey: 'sk-browser-dummy', baseURL: `${origin}/api/openai/v1`, maxRetries: 0 });
    const page = await openai.beta.threads.runs.list(demoIds.threads.history, { limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(await (await fetch(`${origin}/elsewhere`)).text()).toBe('the app');
  });
});
