import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';

// A tiny real HTTP server answering fixed responses per path, for what the emulator never sends
// (payloads that break the schema, HTML error pages, a response that never comes). The SDK talks
// to it over real HTTP like to any backend; nothing in the SDK or fetch is replaced.

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface ScriptedServer {
  /** Base URL ending in `/v1`. */
  baseURL: string;
  /** Requests received, as `METHOD /path?query`. */
  requests: string[];
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

export function sendJson(body: unknown, status = 200, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': 'req_scripted', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
}

/** Starts a server for `routes` (keyed by path without `/v1`, query ignored); 404 elsewhere. */
export async function startScriptedServer(routes: Record<string, Handler>): Promise<ScriptedServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const path = (request.url ?? '').replace(/^\/v1/, '').split('?')[0] ?? '';
    const handler =
      routes[path] ??
      sendJson({ error: { message: 'not scripted', type: 'invalid_request_error', param: null, code: null } }, 404);
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, requests };
}
