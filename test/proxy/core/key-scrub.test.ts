import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunsProxy } from '../../../src/proxy';
import { serveProxy } from '../../../src/proxy/node';

// An upstream that echoes the key it was sent (as a real API's "Incorrect API key provided: sk-…"
// error does, or a misbehaving gateway might in a stream): the proxy passes neither back. The
// stream's echo is split across two writes, so the key straddles a chunk boundary.

const KEY = 'sk-server-echoed-31c9b7a2';
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function echoingUpstream(): Promise<string> {
  const server = createServer((incoming, outgoing) => {
    const key = (incoming.headers.authorization ?? '').replace(/^Bearer /, '');
    const host = incoming.headers.host ?? '';
    if (incoming.url?.includes('stream=true')) {
      outgoing.writeHead(200, { 'content-type': 'text/event-stream' });
      const half = Math.floor(key.length / 2);
      // Three writes, the middle one nothing but the key's first half (held back whole by the proxy).
      incoming.socket.setNoDelay(true);
      outgoing.write('event: response.in_progress\ndata: {"type":"response.in_progress","note":"');
      setTimeout(() => {
        outgoing.write(key.slice(0, half));
        setTimeout(() => outgoing.end(`${key.slice(half)}"}\n\nevent: done\ndata: [DONE]\n\n`), 20);
      }, 20);
      return;
    }
    outgoing.writeHead(401, { 'content-type': 'application/json' });
    outgoing.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key} (at ${host}).`, type: 'invalid_request_error', param: null, code: 'invalid_api_key' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stops.push(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

describe('the key echoed by the upstream', () => {
  it('is scrubbed from a JSON error (with the upstream host) and from an event stream split mid-key', async () => {
    const upstreamURL = await echoingUpstream();
    const proxy = createRunsProxy({ upstream: { baseURL: upstreamURL, apiKey: KEY }, backend: 'responses' });
    const served = await serveProxy(proxy, { port: 0 });
    stops.push(served.close);

    const error = await fetch(`${served.url}/v1/responses/resp_1`);
    expect(error.status).toBe(401);
    const text = await error.text();
    expect(JSON.parse(text)).toMatchObject({ error: { message: 'Incorrect API key provided: [redacted] (at [redacted]).', code: 'invalid_api_key' } });
    expect(text).not.toContain(new URL(upstreamURL).host);

    const stream = await fetch(`${served.url}/v1/responses/resp_1?stream=true`);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    const events = await stream.text();
    expect(events).not.toContain(KEY);
    expect(events).toBe('event: response.in_progress\ndata: {"type":"response.in_progress","note":"[redacted]"}\n\nevent: done\ndata: [DONE]\n\n');
  });
});
