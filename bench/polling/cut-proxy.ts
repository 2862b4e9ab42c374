import { createServer, request as upstreamRequest } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A proxy in front of the emulator that cuts one event stream mid-run, as test/support/sse-proxy.ts
 * does (which this bench cannot import: it registers a vitest `afterEach` when loaded, and it has no
 * way to refuse a resume). It forwards everything; in the `stream`-th event stream answering a POST
 * it drops the first `atEvent` frame and destroys the client's socket instead, so the event it
 * drops already exists on the server when the cut happens. With `refuseResume`, a re-stream request
 * (`GET …?stream=true`, the client's `starting_after` resume) is answered 400 without reaching the
 * emulator, so the client gives the stream up and the query layer polls.
 */

export interface CutProxyOptions {
  /** Which event stream answering a POST to cut, 1-based (2 = a run's second response: the submit's). */
  stream: number;
  /** The event type whose first frame is dropped and replaced by the cut. */
  atEvent: string;
  refuseResume: boolean;
  /** Called at the cut (`performance.now()`), before the socket is destroyed. */
  onCut(at: number): void;
}

export interface CutProxy {
  /** Base URL for the SDK, ending in `/v1`. */
  url: string;
  /** Requests received so far (every one the client sent). */
  readonly requests: number;
  /** Re-stream requests received so far, answered or refused. */
  readonly reStreams: number;
  close(): Promise<void>;
}

const refusal = JSON.stringify({
  error: { message: 'This proxy does not resume event streams.', type: 'invalid_request_error', param: 'stream', code: null },
});

export async function startCutProxy(upstreamURL: string, options: CutProxyOptions): Promise<CutProxy> {
  const upstreamAt = new URL(upstreamURL);
  let postStreams = 0;
  let requests = 0;
  let reStreams = 0;
  const server = createServer((incoming, outgoing) => {
    requests += 1;
    const reStream = incoming.method === 'GET' && /[?&]stream=true/.test(incoming.url ?? '');
    if (reStream) reStreams += 1;
    if (reStream && options.refuseResume) {
      incoming.resume();
      outgoing.writeHead(400, { 'content-type': 'application/json' }).end(refusal);
      return;
    }
    const forward = upstreamRequest(
      { host: upstreamAt.hostname, port: upstreamAt.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (upstream) => {
        const isStream = (upstream.headers['content-type'] ?? '').startsWith('text/event-stream');
        const cutThis = isStream && incoming.method === 'POST' && ++postStreams === options.stream;
        outgoing.writeHead(upstream.statusCode ?? 502, upstream.headers);
        if (!cutThis) {
          upstream.pipe(outgoing);
          return;
        }
        outgoing.flushHeaders();
        let buffered = '';
        let cut = false;
        upstream.setEncoding('utf8');
        upstream.on('data', (chunk: string) => {
          if (cut) return;
          buffered += chunk;
          for (let end = buffered.indexOf('\n\n'); end !== -1; end = buffered.indexOf('\n\n')) {
            const frame = buffered.slice(0, end + 2);
            buffered = buffered.slice(end + 2);
            if (frame.startsWith(`event: ${options.atEvent}\n`)) {
              cut = true;
              options.onCut(performance.now());
              forward.destroy();
              outgoing.socket?.destroy();
              return;
            }
            outgoing.write(frame);
          }
        });
        upstream.on('end', () => outgoing.end());
      },
    );
    forward.on('error', () => outgoing.destroy());
    outgoing.on('close', () => forward.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstreamAt.pathname}`,
    get requests() {
      return requests;
    },
    get reStreams() {
      return reStreams;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
