import { environmentManager, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import { RunsApiError } from '../../src/api/errors';
import type { Run } from '../../src/api/schemas';
import { demoIds } from '../../src/emulator';
import { runlensKeys } from '../../src/query/keys';
import { runQueryOptions } from '../../src/query/options/run';
import { observeRunQuery } from '../../src/query/run-poll-meta';
import { waitForTerminalRun, cancelRunAndWait } from '../../src/query/wait-for-run';
import { focusManager } from '@tanstack/query-core';
import { startTestBackend } from '../support/emulator';

// QueryObserver schedules refetchInterval only off the server; these tests are a client.
beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function setup() {
  const backend = await startTestBackend({ seed: true });
  const client = createAssistantsRunsClient(backend.openai);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const threadId = (await backend.openai.beta.threads.create({})).id;
  const polling = { minIntervalMs: 10, hintFloorMs: 10, maxIntervalMs: 30, requiresActionIntervalMs: 30, now: () => backend.clock.now() };
  const polls = (runId: string, since = 0) =>
    backend.emulator.requests.slice(since).filter((r) => r.method === 'GET' && r.path.endsWith(`/runs/${runId}`)).length;
  return { backend, client, queryClient, threadId, polling, polls };
}

describe('runQueryOptions', () => {
  it('keeps data a plain Run and carries the poll hint beside it, onto whichever object is kept', async () => {
    const { backend, client, queryClient, threadId } = await setup();
    const run = await client.createRun(threadId, { assistant_id: demoIds.assistants.message });
    const options = runQueryOptions(client, threadId, run.id);
    const query = () => queryClient.getQueryCache().find<Run>({ queryKey: options.queryKey, exact: true })!;

    await queryClient.fetchQuery(options);
    const first = queryClient.getQueryData(options.queryKey);
    expect(first).toMatchObject({ id: run.id, status: 'queued' });
    expect(observeRunQuery(query())).toMatchObject({ pollAfterMs: 500, unchangedPolls: 0 });

    backend.clock.advance(100);
    await queryClient.fetchQuery({ ...options, staleTime: 0 });
    expect(queryClient.getQueryData(options.queryKey)).toBe(first); // structural sharing kept the old object…
    expect(observeRunQuery(query())).toMatchObject({ pollAfterMs: 400, unchangedPolls: 1 }); // …with the new hint

    backend.clock.advance(500);
    const third = await queryClient.fetchQuery({ ...options, staleTime: 0 });
    expect(third.status).toBe('in_progress');
    expect(observeRunQuery(query()).unchangedPolls).toBe(0);
  });

  it('drives a QueryObserver to the terminal status and then sends nothing more', async () => {
    const { backend, client, queryClient, threadId, polling, polls } = await setup();
    const run = await client.createRun(threadId, { assistant_id: demoIds.assistants.incomplete });
    const observer = new QueryObserver(queryClient, runQueryOptions(client, threadId, run.id, { polling }));
    const statuses: string[] = [];
    const unsubscribe = observer.subscribe((result) => {
      if (result.data && statuses.at(-1) !== result.data.status) statuses.push(result.data.status);
    });
    try {
      for (let i = 0; i < 100 && statuses.at(-1) !== 'incomplete'; i++) {
        backend.clock.advance(100);
        await sleep(15);
      }
      expect(statuses).toEqual(['queued', 'in_progress', 'incomplete']);
      const mark = backend.emulator.requests.length;
      backend.clock.advance(5_000);
      await sleep(150);
      expect(polls(run.id, mark)).toBe(0);
    } finally {
      unsubscribe();
    }
  });

  it('never retries at the query layer, even when the app defaults to retries', async () => {
    const { backend, client, threadId, polls } = await setup();
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 3, retryDelay: 1 } } });
    const error = await queryClient.fetchQuery(runQueryOptions(client, threadId, 'run_missing')).catch((e: unknown) => e);
    expect(RunsApiError.is(error) && error.status).toBe(404);
    expect(polls('run_missing')).toBe(1);
    expect(backend.emulator.requests.at(-1)?.path).toContain('run_missing');
  });
});

describe('waitForTerminalRun / cancelRunAndWait', () => {
  it('cancels an active run and resolves once it is cancelled, writing each answer to the cache', async () => {
    const { backend, client, queryClient, threadId, polling } = await setup();
    const run = await client.createRun(threadId, { assistant_id: demoIds.assistants.slow });
    const done = cancelRunAndWait(queryClient, client, threadId, run.id, { polling });
    let settled = false;
    void done.finally(() => (settled = true));
    for (let i = 0; i < 100 && !settled; i++) {
      backend.clock.advance(100);
      await sleep(10);
    }
    expect((await done).status).toBe('cancelled');
    expect(queryClient.getQueryData<{ status: string }>(runlensKeys.run(threadId, run.id))?.status).toBe('cancelled');
  });

  it('resolves at once for a run that has already ended, and honours an abort signal', async () => {
    const { backend, client, queryClient, threadId, polling } = await setup();
    const ended = await client.createRun(threadId, { assistant_id: demoIds.assistants.message });
    backend.clock.advance(10_000);
    expect((await waitForTerminalRun(queryClient, client, threadId, ended.id, { polling })).status).toBe('completed');

    const slow = await client.createRun(threadId, { assistant_id: demoIds.assistants.slow });
    const controller = new AbortController();
    const waiting = waitForTerminalRun(queryClient, client, threadId, slow.id, { polling, signal: controller.signal });
    await sleep(30);
    controller.abort(new Error('left the page'));
    await expect(waiting).rejects.toThrow('left the page');
  });

  it('does not poll while the page is hidden, and finishes once it shows', async () => {
    const { backend, client, queryClient, threadId, polling } = await setup();
    const run = await client.createRun(threadId, { assistant_id: demoIds.assistants.message });
    focusManager.setFocused(false);
    try {
      const polls = () => backend.emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith(run.id)).length;
      const waiting = waitForTerminalRun(queryClient, client, threadId, run.id, { polling });
      backend.clock.advance(10_000);
      await sleep(100); // many poll intervals: nothing may go out while hidden
      expect(polls()).toBe(0);
      focusManager.setFocused(true);
      expect((await waiting).status).toBe('completed');
      expect(polls()).toBe(1);
    } finally {
      focusManager.setFocused(undefined);
    }
  });
});
