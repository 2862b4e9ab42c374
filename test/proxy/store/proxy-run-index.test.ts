import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RunsApiError } from '../../../src/api/errors';
import { createMemoryRunIndex, createProxyRunIndex, type RunIndex } from '../../../src/backends/responses/run-index/index';
import { errorResponse, isRefusal } from '../../../src/proxy/errors';
import { parseTarget } from '../../../src/proxy/path';
import { matchRoute, runIndexRoutes } from '../../../src/proxy/routes';
import { answerRunIndex } from '../../../src/proxy/run-index-routes';
import { runIndexContract } from './run-index-contract';

// The browser's RunIndex over real HTTP: a node:http server mounting the proxy's run-index routes
// (its path parsing, route table and handlers) at /api/openai over a memory index. Under /broken
// it answers 200 with JSON of the wrong shape, as a misconfigured baseURL might.

const BASE_PATH = '/api/openai';
let index: RunIndex = createMemoryRunIndex();
const received: { method: string; url: string; authorization: string | undefined }[] = [];

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function answer(request: IncomingMessage): Promise<Response> {
  const target = request.url ?? '/';
  const method = request.method ?? '';
  received.push({ method, url: target, authorization: request.headers.authorization });
  if (target.startsWith('/broken/')) return Response.json({ object: 'list', data: [1], run: null, forgotten: 'yes' });
  const parsed = parseTarget(target, BASE_PATH);
  if (isRefusal(parsed)) return errorResponse(parsed);
  const match = parsed.area === 'run-index' ? matchRoute(runIndexRoutes, method, parsed.segments) : { kind: 'none' as const };
  if (match.kind !== 'match') return errorResponse({ status: match.kind === 'method' ? 405 : 404, message: `No run-index route ${method} ${parsed.path}.` });
  const raw = await readBody(request);
  return answerRunIndex(index, match.route.operation, match.params, parsed.query, raw === '' ? undefined : JSON.parse(raw));
}

const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  void answer(request).then(async (reply) => {
    response.writeHead(reply.status, Object.fromEntries(reply.headers));
    response.end(Buffer.from(await reply.arrayBuffer()));
  });
});
let origin: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('createProxyRunIndex', () => {
  // A trailing slash on baseURL is fine.
  runIndexContract(() => {
    index = createMemoryRunIndex();
    return createProxyRunIndex({ baseURL: `${origin}${BASE_PATH}/` });
  });

  describe('over HTTP', () => {
    beforeEach(() => {
      index = createMemoryRunIndex();
      received.length = 0;
    });

    it('sends the app headers with every request, asking a function afresh each time', async () => {
      let token = 0;
      const runIndex = createProxyRunIndex({ baseURL: `${origin}${BASE_PATH}`, headers: () => ({ authorization: `Bearer token-${++token}` }) });
      await runIndex.recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 1 });
      await runIndex.listRuns('conv_a', { limit: 5, order: 'asc' });
      expect(received).toEqual([
        { method: 'POST', url: `${BASE_PATH}/runlens/run-index/runs`, authorization: 'Bearer token-1' },
        { method: 'GET', url: `${BASE_PATH}/runlens/run-index/conversations/conv_a/runs?limit=5&order=asc`, authorization: 'Bearer token-2' },
      ]);
      const fixed = createProxyRunIndex({ baseURL: `${origin}${BASE_PATH}`, headers: { authorization: 'Bearer fixed' } });
      expect(await fixed.forgetRun('resp_1')).toBe(true);
      expect(received.at(-1)).toEqual({ method: 'DELETE', url: `${BASE_PATH}/runlens/run-index/runs/resp_1`, authorization: 'Bearer fixed' });
    });

    it('rejects a refusal with the server message, status and request id; a paging one as a RangeError', async () => {
      const runIndex = createProxyRunIndex({ baseURL: `${origin}${BASE_PATH}` });
      await runIndex.recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 1 });
      const conflict = await runIndex.recordRun({ runId: 'resp_1', conversationId: 'conv_b', createdAt: 1 }).catch((error: unknown) => error);
      expect(RunsApiError.is(conflict)).toBe(true);
      expect(conflict).toMatchObject({ status: 409, detail: "Run 'resp_1' is already recorded in conversation 'conv_a'.", code: 'conflict' });
      expect((conflict as RunsApiError).requestId).toMatch(/^req_/);
      const stale = await runIndex.listRuns('conv_a', { after: 'resp_gone' }).catch((error: unknown) => error);
      expect(stale).toBeInstanceOf(RangeError);
      expect((stale as RangeError).message).toBe("Invalid 'after': no run with id 'resp_gone' in conversation 'conv_a'.");
      // An id the proxy's path rules refuse is the proxy's 404, with its message.
      await expect(runIndex.appendResponse('resp 1', 'resp_2')).rejects.toMatchObject({ status: 404 });
    });

    it('sends nothing it can tell is bad', async () => {
      const runIndex = createProxyRunIndex({ baseURL: `${origin}${BASE_PATH}` });
      await expect(runIndex.recordRun({ runId: 'resp_1', conversationId: '', createdAt: 1 })).rejects.toThrow(TypeError);
      await expect(runIndex.appendResponse('resp_1', '')).rejects.toThrow(TypeError);
      await expect(runIndex.listRuns('conv_a', { limit: 2.5 })).rejects.toThrow("Invalid 'limit': expected an integer from 1 to 100, got 2.5.");
      expect(received).toEqual([]);
    });

    it('takes JSON of the wrong shape as an error, never as data', async () => {
      const runIndex = createProxyRunIndex({ baseURL: `${origin}/broken` });
      for (const call of [runIndex.listRuns('conv_a'), runIndex.getChain('resp_1'), runIndex.findRunByResponse('resp_1'), runIndex.forgetRun('resp_1')]) {
        await expect(call).rejects.toThrow('JSON of an unexpected shape: is baseURL the runlens proxy?');
      }
    });

    it('is a connection error when the proxy cannot be reached', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const { port } = closed.address() as AddressInfo;
      await new Promise((resolve) => closed.close(resolve));
      const error = await createProxyRunIndex({ baseURL: `http://127.0.0.1:${port}` })
        .getChain('resp_1')
        .catch((reason: unknown) => reason);
      expect(error).toMatchObject({ type: 'connection_error', status: null });
      expect((error as Error).message).toContain('The run index could not be reached (GET /runs/resp_1).');
    });
  });
});
