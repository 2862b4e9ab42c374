import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunsApiError } from '../../../src/api/errors';
import { createProxyRunIndex } from '../../../src/backends/responses/run-index/index';
import { createMemoryProxyStore, createRunsProxy, type ProxyStore, type RunsProxy } from '../../../src/proxy/index';
import { serveProxy, type ServedProxy } from '../../../src/proxy/node';
import { runIndexContract } from './run-index-contract';

// The browser's RunIndex through the whole proxy (createRunsProxy over Node http): its path, query
// and body checks, then its ownership rules when it knows the user. The run-index routes are the
// proxy's own, so no upstream is needed; the one given listens nowhere.

const BASE_PATH = '/api/openai';
const upstream = { baseURL: 'http://127.0.0.1:9/v1', apiKey: 'sk-runlens-test-key' };
const limits = { requestsPerMinute: 1_000_000 };
let proxy: RunsProxy;
let served: ServedProxy;

beforeAll(async () => {
  served = await serveProxy((request) => proxy(request), { port: 0 });
});
afterAll(() => served.close());

describe('createProxyRunIndex through createRunsProxy', () => {
  describe('one user (no authorize)', () => {
    runIndexContract(() => {
      proxy = createRunsProxy({ upstream, basePath: BASE_PATH, backend: 'responses', store: createMemoryProxyStore(), limits });
      return createProxyRunIndex({ baseURL: `${served.url}${BASE_PATH}` });
    });
  });

  describe('users', () => {
    let store: ProxyStore;
    const indexOf = (user: string) => createProxyRunIndex({ baseURL: `${served.url}${BASE_PATH}`, headers: { authorization: `Bearer ${user}` } });

    beforeAll(() => {
      store = createMemoryProxyStore();
      proxy = createRunsProxy({
        upstream,
        basePath: BASE_PATH,
        backend: 'responses',
        store,
        limits,
        authorize: ({ request }) => {
          const user = /^Bearer (alice|bob)$/.exec(request.headers.get('authorization') ?? '')?.[1];
          return user ? { allow: true, user } : { allow: false, reason: 'Sign in first.', status: 401 };
        },
      });
    });

    it("lists a user's runs to that user only, and refuses another's as the API refuses", async () => {
      await store.recordOwner('conversation', 'conv_alice', 'alice');
      await store.recordOwner('response', 'resp_alice1', 'alice');
      const alice = indexOf('alice');
      const bob = indexOf('bob');
      await alice.recordRun({ runId: 'resp_alice1', conversationId: 'conv_alice', createdAt: 10 });
      expect((await alice.listRuns('conv_alice')).data).toEqual(['resp_alice1']);
      expect(await alice.getChain('resp_alice1')).toEqual(['resp_alice1']);

      const refused = await bob.listRuns('conv_alice').catch((error: unknown) => error);
      expect(RunsApiError.is(refused)).toBe(true);
      expect(refused).toMatchObject({ status: 403, code: 'forbidden', detail: 'This request names a conversation that belongs to another user.' });
      await expect(bob.forgetRun('resp_alice1')).rejects.toMatchObject({ status: 403 });
      await expect(bob.recordRun({ runId: 'resp_bob1', conversationId: 'conv_alice', createdAt: 11 })).rejects.toMatchObject({ status: 403 });
      await expect(indexOf('mallory').listRuns('conv_alice')).rejects.toMatchObject({ status: 401, detail: 'Sign in first.' });
      expect(await store.runIndex.getChain('resp_alice1')).toEqual(['resp_alice1']);
    });
  });
});
