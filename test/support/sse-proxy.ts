import { createServer, request as upstreamRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

/*
 * A tiny HTTP proxy in front of the emulator that breaks event streams for real: it forwards every
 * request, and for the next `text/event-stream` answer it was armed for, passes N frames and then
 * destroys the client's socket (a cut connection) or sends an SSE `error` event and ends. The
 * emulator's side of that stream is closed too, as when a real client goes away.
 */

export type StreamFault =
  | { kind: 'cut'; afterFrames: number }
  | { kind: 'error'; afterFrames: number; error?: { message: string; type: string; code: string | null } };

export interface SseProxy {
  /** Base URL for the SDK, ending in `/v1`. */
  url: string;
  /** Breaks the next event stream that passes through. */
  arm(fault: StreamFault): void;
  /** Frames of the faulted stream forwarded so far; resolves once the fault has happened. */
  faulted: () => Promise<number>;
  close(): Promise<void>;
}

const open: SseProxy[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((proxy) => proxy.close()));
});

function forwardFaulted(upstream: IncomingMessage, outgoing: ServerResponse, fault: StreamFault, onFault: (frames: number) => void, stop: () => void): void {
  outgoing.writeHead(upstream.statusCode ?? 200, upstream.headers);
  outgoing.flushHeaders();
  let buffered = '';
  let frames = 0;
  upstream.setEncoding('utf8');
  upstream.on('data', (chunk: string) => {
    buffered += chunk;
    let end = buffered.indexOf('\n\n');
    while (end !== -1 && frames < fault.afterFrames) {
      outgoing.write(buffered.slice(0, end + 2));
      buffered = buffered.slice(end + 2);
      frames += 1;
      end = buffered.indexOf('\n\n');
    }
    if (frames < fault.afterFrames) return;
    stop();
    if (fault.kind === 'cut') {
      outgoing.socket?.destroy();
    } else {
      const error = fault.error ?? { message: 'The server had an error while streaming.', type: 'server_error', code: null };
      outgoing.end(`event: error\ndata: ${JSON.stringify({ ...error, param: null })}\n\n`);
    }
    onFault(frames);
  });
  upstream.on('end', () => outgoing.end());
}

/** Starts the proxy in front of `upstreamURL` (the emulator's `…/v1`); closed after each test. */
export async function startSseProxy(upstreamURL: string): Promise<SseProxy> {
  const upstreamAt = new URL(upstreamURL);
  let armed: StreamFault | null = null;
  let reportFault!: (frames: number) => void;
  const faulted = new Promise<number>((resolve) => {
    reportFault = resolve;
  });
  const server = createServer((incoming, outgoing) => {
    const forward = upstreamRequest(
      { host: upstreamAt.hostname, port: upstreamAt.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (upstream) => {
        const isStream = (upstream.headers['content-type'] ?? '').startsWith('text/event-stream');
        const fault = isStream ? armed : null;
        if (!fault) {
          outgoing.writeHead(upstream.statusCode ?? 502, upstream.headers);
          upstream.pipe(outgoing);
          return;
        }
        armed = null;
        forwardFaulted(upstream, outgoing, fault, reportFault, () => forward.destroy());
      },
    );
    forward.on('error', () => outgoing.destroy());
    outgoing.on('close', () => forward.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: SseProxy = {
    url: `http://127.0.0.1:${port}${upstreamAt.pathname}`,
    arm: (fault) => {
      armed = fault;
    },
    faulted: () => faulted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  open.push(proxy);
  return proxy;
}
