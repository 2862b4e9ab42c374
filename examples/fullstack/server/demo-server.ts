import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import OpenAI from 'openai';
import { createEmulator, createSystemClock } from 'runlens/emulator';
import { serveEmulator } from 'runlens/emulator/node';
// In an app: `from 'runlens/proxy'` and `from 'runlens/proxy/node'`.
import { createRunsProxy, type AuthorizeResult } from '../../../src/proxy/index.js';
import { toNodeListener } from '../../../src/proxy/node.js';
import { createMemoryProxyStore } from '../../../src/proxy/store/memory.js';
import type { ProxyStore } from '../../../src/proxy/store/types.js';
import { createSessions, demoUsers, type DemoUser } from './session.js';
import { serveStaticFiles } from './static-files.js';
import { seedUserThreads, type DemoThread } from './threads.js';

// The full-stack demo in one Node process: the emulator (standing in for the real API), the proxy
// in front of it holding the server's key, a sign-in endpoint, /api/threads, and the page (Vite's
// dev server, or a built folder). The browser only ever talks to this server, on one origin.

/** The key the proxy sends upstream. The emulator takes any key; the point is that the browser never sees it. */
export const demoServerKey = 'sk-demo-SERVER-only-51c7e2';

const viteConfig = fileURLToPath(new URL('../vite.config.ts', import.meta.url));

export interface DemoOptions {
  /** 0 picks a free port. @default 4030 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Serve this built client folder (see build-client.ts) instead of starting Vite's dev server. */
  staticDir?: string;
  /** Emulator time runs this many times faster than wall time. @default 1 */
  speed?: number;
  /** Where the proxy records owners. @default createMemoryProxyStore() */
  store?: ProxyStore;
}

export interface RunningDemo {
  /** The page, e.g. http://127.0.0.1:4030/ */
  url: string;
  /** Each user's threads, as /api/threads lists them. */
  threads: ReadonlyMap<DemoUser, readonly DemoThread[]>;
  close(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<RunningDemo> {
  const emulator = createEmulator({ clock: createSystemClock({ speed: options.speed ?? 1 }) });
  const upstream = await serveEmulator(emulator, { port: 0 });
  const store = options.store ?? createMemoryProxyStore();
  const threads = await seedUserThreads(new OpenAI({ baseURL: upstream.url, apiKey: demoServerKey }), store, demoUsers);
  const sessions = createSessions();

  const proxy = createRunsProxy({
    upstream: { baseURL: upstream.url, apiKey: demoServerKey },
    basePath: '/api/openai',
    backend: 'assistants',
    store,
    // Who is asking: the signed-in user from the session cookie. The proxy then lets them reach
    // only the threads recorded as theirs (threads.ts records them at start-up).
    authorize: ({ request }): AuthorizeResult => {
      const user = sessions.userOf(request.headers.get('cookie'));
      return user ? { allow: true, user } : { allow: false, status: 401, reason: 'Sign in first.' };
    },
  });
  const proxyListener = toNodeListener(proxy);

  const server = createServer();
  let serveClient: (req: IncomingMessage, res: ServerResponse) => void;
  let closeClient = async () => {};
  if (options.staticDir) {
    const files = serveStaticFiles(options.staticDir);
    serveClient = (req, res) => void files(req, res);
  } else {
    // Loaded only for the dev server: a static build needs none of Vite at run time.
    const { createServer: createViteServer } = await import('vite');
    const vite = await createViteServer({ configFile: viteConfig, server: { middlewareMode: true, hmr: { server } }, appType: 'spa', logLevel: 'warn' });
    serveClient = (req, res) => vite.middlewares(req, res);
    closeClient = () => vite.close();
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://demo.local').pathname;
    if (path.startsWith('/api/openai/')) return proxyListener(req, res);
    if (path === '/api/login' && req.method === 'POST') return void signIn(req, res);
    if (path === '/api/logout' && req.method === 'POST') return sendJson(res, 200, { user: null }, { 'set-cookie': sessions.signOut() });
    if (path === '/api/threads' && req.method === 'GET') {
      // Signed out is an answer, not an error: the page asks on load.
      const user = sessions.userOf(req.headers.cookie);
      return sendJson(res, 200, { user, threads: user ? (threads.get(user) ?? []) : [] });
    }
    if (path.startsWith('/api/')) return sendJson(res, 404, { error: 'No such endpoint.' });
    serveClient(req, res);
  });

  async function signIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) {
      body += String(chunk);
      if (body.length > 1_000) return sendJson(res, 413, { error: 'Too long.' });
    }
    let user: unknown;
    try {
      user = (JSON.parse(body) as { user?: unknown }).user;
    } catch {
      return sendJson(res, 400, { error: 'Send JSON: { "user": "alice" }.' });
    }
    const known = demoUsers.find((name) => name === user);
    // No passwords: anyone may be alice or bob here. What matters is that the proxy trusts only this signed cookie.
    if (!known) return sendJson(res, 400, { error: `Pick one of ${demoUsers.join(', ')}.` });
    sendJson(res, 200, { user: known }, { 'set-cookie': sessions.signIn(known) });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4030, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    threads,
    async close() {
      await closeClient();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await upstream.close();
      if (!options.store) await store.close();
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}
