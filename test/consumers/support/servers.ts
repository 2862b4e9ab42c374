import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { ConsumerCase } from './case.ts';
import { childEnv } from './env.ts';

export interface Started {
  /** What the process printed so far (stdout + stderr). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns a long-running process in its own process group, logs its output to the case log, and
 * resolves once `ready` matches its output (rejecting with the output if it exits or times out).
 */
export async function startProcess(
  consumer: ConsumerCase,
  command: string,
  args: string[],
  ready: RegExp,
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Started & { match: RegExpMatchArray }> {
  const label = [command, ...args].join(' ');
  consumer.log(`\n$ ${label} &`);
  const child = spawn(command, args, { cwd: consumer.dir, env: childEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => fail(`not ready after ${options.timeoutMs ?? 30_000} ms`), options.timeoutMs ?? 30_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      kill(child);
      reject(new Error(`${label}: ${why}\n${output}`));
    };
    const take = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      consumer.log(text);
      const found = output.match(ready);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.on('error', (error) => fail(error.message));
    void exited.then((code) => fail(`exited with ${code} before it was ready`));
  });
  return {
    match,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      kill(child, 'SIGTERM');
      const timer = setTimeout(() => kill(child, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Signals the child's process group (it was spawned detached, so it leads one); falls back to the child. */
function kill(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export interface RunningEmulator extends Started {
  /** The SDK base URL, ending in /v1. */
  url: string;
}

/** The emulator CLI from the case's installed tarball, on a free port. */
export async function startEmulator(consumer: ConsumerCase, speed: number): Promise<RunningEmulator> {
  const bin = join(consumer.dir, 'node_modules', 'runlens', 'bin', 'runlens-emulator.js');
  const started = await startProcess(
    consumer,
    process.execPath,
    [bin, '--port', '0', '--host', '127.0.0.1', '--speed', String(speed)],
    // The whole hint line, so the seeded ids are printed too.
    /listening on (http:\/\/127\.0\.0\.1:\d+\/v1).*\n.*threads: .*\n/,
  );
  return { ...started, url: started.match[1]! };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** A plain static file server for a built SPA (unknown paths without an extension get index.html). */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root + sep) && file !== root) return void response.writeHead(403).end();
    try {
      if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) file = join(file, 'index.html');
      else if (!statSync(file, { throwIfNoEntry: false }) && !extname(file)) file = join(root, 'index.html');
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** A port free right now on 127.0.0.1 (for servers that cannot report the one they picked). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}
