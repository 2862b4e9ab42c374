import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAllowedOrigin, withCors } from './cli-cors.js';
import { serveProxy } from './node.js';
import { createRunsProxy } from './proxy.js';
import { createMemoryProxyStore } from './store/memory.js';
import type { ProxyStore } from './store/types.js';

export const usage = `Usage: runlens-proxy --upstream <baseURL> [--port N] [--host H] [--backend assistants|responses]
                     [--allow-origin <origin>] [--store <dir>|memory]

Serves a proxy for the OpenAI runs API that holds the API key, so the browser never does: pages send
their requests here with no key, and it forwards only the routes runlens uses to the upstream, with
the key from OPENAI_API_KEY.

Options:
  --upstream URL      the API to forward to, ending in /v1: https://api.openai.com/v1, or an
                      Assistants-compatible server or the emulator (http://127.0.0.1:4010/v1)
  --port N            port to listen on, 0 for any free port (default 4020)
  --host H            interface to bind (default 127.0.0.1)
  --backend B         which API's routes to forward: responses or assistants (default responses;
                      api.openai.com no longer serves the Assistants API)
  --allow-origin O    let pages on origin O (e.g. http://localhost:5173) call the proxy from the
                      browser (CORS); repeat it for several. Without it, browsers refuse every
                      page on another origin
  --store S           where the Responses run index and who-created-what live: a directory (PGlite,
                      kept across restarts) or memory (default memory)
  -h, --help          show this help

Environment:
  OPENAI_API_KEY      the key sent upstream (required); it never reaches the browser

The CLI signs no one in: anyone who can reach its port spends the key. Keep it on 127.0.0.1, or
mount createRunsProxy from 'runlens/proxy' in your server with an authorize() that knows your users.
`;

export interface ProxyCliOptions {
  upstream: string;
  port: number;
  host: string;
  backend: 'assistants' | 'responses';
  allowOrigins: string[];
  /** A directory for PGlite, or 'memory'. */
  store: string;
  help: boolean;
}

/** Parses the flags; throws an Error with a message fit for a person on anything it cannot use. */
export function parseProxyCliArgs(argv: string[]): ProxyCliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      upstream: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      backend: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      store: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  });
  const help = values.help ?? false;
  if (help) return { upstream: '', port: 4020, host: '127.0.0.1', backend: 'responses', allowOrigins: [], store: 'memory', help };
  if (values.upstream === undefined) throw new Error('--upstream is required: the API to forward to, e.g. --upstream https://api.openai.com/v1');
  const upstream = parseUpstream(values.upstream);
  const port = Number(values.port ?? 4020);
  if (values.port?.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got '${values.port}'`);
  const host = values.host ?? '127.0.0.1';
  if (host === '') throw new Error('--host must not be empty');
  const backend = values.backend ?? 'responses';
  if (backend !== 'assistants' && backend !== 'responses') throw new Error(`--backend must be 'assistants' or 'responses', got '${backend}'`);
  const allowOrigins = (values['allow-origin'] ?? []).map(parseAllowedOrigin);
  const store = values.store ?? 'memory';
  if (store === '') throw new Error("--store must be a directory or 'memory'");
  return { upstream, port, host, backend, allowOrigins, store, help };
}

function parseUpstream(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--upstream must be a URL like https://api.openai.com/v1, got '${value}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`--upstream must be an http or https URL, got '${value}'`);
  // A key belongs in OPENAI_API_KEY, not in a URL that ends up in shell history and logs.
  if (url.username || url.password || url.search || url.hash) {
    throw new Error('--upstream must be a plain base URL like https://api.openai.com/v1: no credentials, query or fragment (the key goes in OPENAI_API_KEY)');
  }
  return url.href.replace(/\/+$/, '');
}

async function openStore(store: string): Promise<ProxyStore> {
  if (store === 'memory') return createMemoryProxyStore();
  // Loaded only when asked for: PGlite is a WASM Postgres that takes seconds to start.
  const { createPgliteProxyStore } = await import('./store/sql/index.js');
  return createPgliteProxyStore({ dataDir: resolve(store) });
}

function fail(message: string, withUsage: boolean): never {
  process.stderr.write(`runlens-proxy: ${message}\n${withUsage ? `\n${usage}` : ''}`);
  process.exit(2);
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || host.startsWith('127.');

/** A running CLI proxy: where it listens and how to stop it (tests call `main` in-process). */
export interface RunningProxyCli {
  /** The base URL for the SDK, ending in /v1. */
  url: string;
  close(): Promise<void>;
}

/** Runs the CLI; resolves once the server listens (it keeps running until SIGINT/SIGTERM). */
export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<RunningProxyCli | undefined> {
  let options: ProxyCliOptions;
  try {
    options = parseProxyCliArgs(argv);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), true);
  }
  if (options.help) {
    process.stdout.write(usage);
    return undefined;
  }
  const apiKey = env.OPENAI_API_KEY?.trim();
  if (!apiKey) fail('OPENAI_API_KEY is not set: export the key the proxy sends upstream (it never reaches the browser), e.g. OPENAI_API_KEY=sk-… runlens-proxy --upstream …', false);

  let store: ProxyStore;
  try {
    store = await openStore(options.store);
  } catch (error) {
    fail(`could not open the store '${options.store}': ${error instanceof Error ? error.message : String(error)}`, false);
  }
  const proxy = createRunsProxy({ upstream: { baseURL: options.upstream, apiKey }, backend: options.backend, store });
  let server: { url: string; close(): Promise<void> };
  try {
    server = await serveProxy(withCors(proxy, options.allowOrigins), { port: options.port, host: options.host });
  } catch (error) {
    await store.close();
    fail(`could not listen on ${options.host}:${options.port}: ${error instanceof Error ? error.message : String(error)}`, false);
  }
  const url = `${server.url.replace(/\/+$/, '')}/v1`;
  const notes = [
    `Forwarding the ${options.backend} routes to ${options.upstream} with the key from OPENAI_API_KEY · store: ${options.store === 'memory' ? 'memory' : resolve(options.store)}`,
    options.allowOrigins.length > 0 ? `Browser pages allowed from: ${options.allowOrigins.join(', ')}` : 'No --allow-origin: only same-origin pages and servers can call it',
  ];
  if (options.backend === 'assistants' && new URL(options.upstream).hostname === 'api.openai.com') {
    notes.push('Note: api.openai.com no longer serves the Assistants API (shut down 2026-08-26); use --backend responses');
  }
  if (!isLoopback(options.host)) notes.push(`Warning: listening on ${options.host} with no sign-in: anyone who can reach this port spends the key`);
  process.stdout.write(
    `runlens proxy listening on ${url}\n` +
      `Point the SDK at it: new OpenAI({ baseURL: '${url}', apiKey: 'unused-in-browser', dangerouslyAllowBrowser: true })\n` +
      notes.map((line) => `${line}\n`).join(''),
  );
  const close = async () => {
    await server.close();
    await store.close();
  };
  const stop = (): void => {
    void close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { url, close };
}
