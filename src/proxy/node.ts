import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errorResponse } from './errors.js';
import { rememberRawTarget } from './path.js';

// `runlens/proxy/node`: any Fetch handler (the proxy above all) under Node's `http` or Express.
// Bodies stream both ways with backpressure; the client hanging up aborts the request's signal
// (and so the upstream request); the raw request-target goes to the proxy unresolved, because a
// `Request`'s URL has already turned `/v1/threads/x/../../files` into `/v1/files`.

export type FetchHandler = (request: Request) => Response | Promise<Response>;
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void;

/** A Host header that is a plain host[:port], else a placeholder: the proxy never forwards by it. */
function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? '';
  return /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? `http://${host}` : 'http://localhost';
}

/** The incoming body as a web stream, read only as fast as the handler reads it. Cancelling discards the rest. */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let closed = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (closed) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          if (closed) return;
          closed = true;
          controller.close();
        });
        req.on('error', (error) => {
          if (closed) return;
          closed = true;
          controller.error(error);
        });
        req.on('close', () => {
          if (closed) return;
          closed = true;
          controller.error(new Error('The client closed the connection before its body ended.'));
        });
        req.pause();
      },
      pull() {
        req.resume();
      },
      cancel() {
        // Not destroyed: the answer (a 413, a 408) must still go out on this socket.
        closed = true;
        req.resume();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

function toRequest(req: IncomingMessage, target: string, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  let url: URL;
  try {
    url = new URL(target.startsWith('/') && !target.startsWith('//') ? target : '/', originOf(req));
  } catch {
    url = new URL('/', 'http://localhost');
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal, ...(hasBody && { body: bodyOf(req), duplex: 'half' }) };
  const request = new Request(url, init);
  rememberRawTarget(request, target);
  return request;
}

/** Resolves when the client has taken what was written (or is gone): backpressure towards the upstream. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function writeResponse(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    const known = headers[name];
    headers[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
  }
  // A body the handler did not read (a refused upload) is not drained: the connection closes instead.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  res.on('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } catch {
    // The stream broke (the upstream went away): end the connection so the client sees the cut.
    res.destroy();
  }
}

/**
 * A Node `http` / Express listener for a Fetch handler.
 * @example
 * app.use('/api/openai', toNodeListener(proxy)); // Express: mount before any body parser
 * http.createServer(toNodeListener(proxy)).listen(4020);
 */
export function toNodeListener(handler: FetchHandler): NodeListener {
  return (req, res) => {
    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    // Express strips its mount path from `url`; the proxy matches the full path (its basePath).
    const target = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
    void (async () => {
      let request: Request;
      try {
        request = toRequest(req, target, controller.signal);
      } catch {
        // `new Request` refuses CONNECT, TRACE and TRACK outright.
        const refused = errorResponse({ status: 405, message: `This proxy does not take ${String(req.method).slice(0, 16)} requests.`, headers: { allow: 'GET, POST' } });
        await writeResponse(refused, req, res);
        return;
      }
      let response: Response;
      try {
        response = await handler(request);
      } catch {
        response = errorResponse({ status: 500, message: 'The proxy failed to answer this request.', type: 'proxy_error' });
      }
      if (controller.signal.aborted) {
        void response.body?.cancel().catch(() => undefined);
        return;
      }
      await writeResponse(response, req, res);
    })();
  };
}

export interface ServeProxyOptions {
  /** 0 picks a free port. @default 4020 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface ServedProxy {
  /** The origin it listens on, e.g. `http://127.0.0.1:4020` (the SDK's baseURL adds basePath + `/v1`). */
  url: string;
  /** Stops listening and ends every open connection, streams included. */
  close(): Promise<void>;
}

/** Serves a Fetch handler over Node's `http`. */
export async function serveProxy(handler: FetchHandler, options: ServeProxyOptions = {}): Promise<ServedProxy> {
  const host = options.host ?? '127.0.0.1';
  // Node refuses headers beyond this itself (a bare 431); the proxy's own limit (16 KiB) answers below it.
  const server = createServer({ maxHeaderSize: 64 * 1024 }, toNodeListener(handler));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4020, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
