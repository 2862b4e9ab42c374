import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Emulator } from './emulator.js';
import { isConnectionReset, isNetworkError } from './faults/reset.js';

export interface ServeOptions {
  /** 0 picks a free port. @default 4010 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface ServedEmulator {
  /** Base URL for the SDK, ending in `/v1`, e.g. `http://127.0.0.1:4010/v1`. */
  url: string;
  /** Stops listening and ends every open connection, SSE streams included. */
  close(): Promise<void>;
}

async function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  if (incoming.method === 'GET' || incoming.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRequest(incoming: IncomingMessage, body: Buffer | undefined, signal: AbortSignal, fallbackHost: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i] ?? '', incoming.rawHeaders[i + 1] ?? '');
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? fallbackHost}`);
  return new Request(url, { method: incoming.method ?? 'GET', headers, body: body?.length ? new Uint8Array(body) : undefined, signal });
}

/** A fault dropped the connection mid-body: what was written goes out, then the socket closes with no end to the body. */
function dropAfterFlush(socket: Socket | null): void {
  if (socket && !socket.destroyed) socket.end(() => socket.destroy());
}

/** Writes the Response back chunk by chunk, so each SSE event reaches the client as it is sent. */
async function writeResponse(response: Response, outgoing: ServerResponse, signal: AbortSignal): Promise<void> {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) {
    outgoing.end();
    return;
  }
  outgoing.flushHeaders();
  const reader = response.body.getReader();
  const stop = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  let reset = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      outgoing.write(value);
    }
  } catch (error) {
    // A fault's reset drops the connection; anything else (the client left, the server is closing) just ends the response.
    reset = isConnectionReset(error);
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (reset) dropAfterFlush(outgoing.socket);
  else outgoing.end();
}

/**
 * Serves the emulator over Node's `http`, converting IncomingMessage → Request and streaming the
 * Response body back.
 * @example const { url, close } = await serveEmulator(createEmulator(), { port: 0 });
 */
export async function serveEmulator(emulator: Emulator, options: ServeOptions = {}): Promise<ServedEmulator> {
  const host = options.host ?? '127.0.0.1';
  const open = new Set<AbortController>();

  const server = createServer((incoming, outgoing) => {
    const controller = new AbortController();
    open.add(controller);
    // A client that hangs up mid-stream aborts the request, which ends the emulator's stream.
    outgoing.on('close', () => {
      controller.abort();
      open.delete(controller);
    });
    incoming.socket.setNoDelay(true);
    void (async () => {
      try {
        const request = toRequest(incoming, await readBody(incoming), controller.signal, host);
        const response = await emulator.handle(request);
        // A fault dropped the connection before any answer: reset it (the client's fetch rejects).
        if (isNetworkError(response)) incoming.socket.resetAndDestroy();
        else await writeResponse(response, outgoing, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify({ error: { message: String(error), type: 'server_error', param: null, code: null } }));
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}/v1`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const controller of open) controller.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
