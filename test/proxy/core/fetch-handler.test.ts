import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, createManualClock, demoIds } from '../../../src/emulator';
import { serveEmulator, type ServedEmulator } from '../../../src/emulator/node';
import { createRunsProxy } from '../../../src/proxy';

// The proxy as a plain Fetch handler, called the way a Next.js route handler (`export const GET =
// proxy, POST = proxy`), Hono, Bun or Deno call it: a Request in, a Response out. The upstream is
// the emulator over real HTTP.

const served: ServedEmulator[] = [];
afterEach(async () => {
  await Promise.all(served.splice(0).map((server) => server.close()));
});

describe('createRunsProxy as a Fetch handler', () => {
  it('answers a Request under its basePath, and refuses one outside it', async () => {
    const emulator = createEmulator({ clock: createManualClock(Date.UTC(2026, 0, 1)), seed: true });
    const upstream = await serveEmulator(emulator, { port: 0 });
    served.push(upstream);
    const GET = createRunsProxy({ upstream: { baseURL: upstream.url, apiKey: 'sk-server-fetch-handler' }, backend: 'assistants', basePath: '/api/openai/' });

    const page = await GET(new Request(`https://app.example/api/openai/v1/threads/${demoIds.threads.history}/runs?limit=2`, { headers: { authorization: 'Bearer sk-browser' } }));
    expect(page.status).toBe(200);
    expect(((await page.json()) as { data: unknown[] }).data).toHaveLength(2);
    expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', path: `/v1/threads/${demoIds.threads.history}/runs`, search: '?limit=2' });

    const outside = await GET(new Request(`https://app.example/v1/threads/${demoIds.threads.history}/runs`));
    expect(outside.status).toBe(404);
    expect(await outside.json()).toMatchObject({ error: { type: 'invalid_request_error', param: null, code: null } });
    expect(() => createRunsProxy({ upstream: { baseURL: upstream.url, apiKey: '' }, backend: 'assistants' })).toThrow(/apiKey/);
  });
});
