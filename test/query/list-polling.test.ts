import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it, vi } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import type { RunsClient } from '../../src/api/client';
import { runlensKeys } from '../../src/query/keys';
import { listRefreshPlan } from '../../src/query/list-polling';
import { runQueryOptions } from '../../src/query/options/run';
import { runsInfiniteQueryOptions, type RunsInfiniteData } from '../../src/query/options/runs';
import { flattenPages } from '../../src/query/pages';
import { resolvePollingTuning } from '../../src/query/polling';
import { startTestBackend, type TestBackend } from '../support/emulator';
import { listGets, liveThread } from '../support/live-thread';

// Short intervals so the list's own polling takes milliseconds; the emulator's clock is what moves runs.
const polling = resolvePollingTuning({ minIntervalMs: 10, maxIntervalMs: 40, requiresActionIntervalMs: 40, hintFloorMs: 10 });

/** A client whose listRuns answers are held back (the request has been answered by the server) until `release()`. */
function holdListAnswers(client: RunsClient) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const held: RunsClient = { ...client, listRuns: async (...args) => client.listRuns(...args).then(async (page) => (await gate, page)) };
  return { client: held, release: () => release() };
}

describe('listRefreshPlan', () => {
  it('polls the list when its active runs outnumber its pages, each run alone otherwise, nothing once all are terminal', async () => {
    const backend = await startTestBackend();
    const { threadId } = await liveThread(backend, 3);
    const client = createAssistantsRunsClient(backend.openai);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const threeActive = await queryClient.fetchInfiniteQuery(runsInfiniteQueryOptions(client, threadId, { limit: 2 }));
    // 2 of the 3 runs on one page: two active runs, one page.
    expect(listRefreshPlan(threeActive, polling)).toEqual({ listIntervalMs: 20, runsToPoll: [] });
    // A backend whose list page is not one request (capabilities.listInOneRequest, the Responses API): each run alone.
    expect(listRefreshPlan(threeActive, polling, false)).toEqual({ listIntervalMs: false, runsToPoll: flattenPages(threeActive) });

    const twoPages = await queryClient.fetchInfiniteQuery({ ...runsInfiniteQueryOptions(client, threadId, { limit: 1 }), pages: 3 });
    expect(twoPages.pages).toHaveLength(3);
    // Three active runs in three pages: a refetch costs as much as polling each run, and runs follow the server's hints.
    const plan = listRefreshPlan(twoPages, polling);
    expect(plan.listIntervalMs).toBe(false);
    expect(plan.runsToPoll.map((run) => run.id)).toEqual(flattenPages(twoPages).map((run) => run.id));

    backend.clock.advance(10_000);
    const finished = await queryClient.fetchInfiniteQuery({ ...runsInfiniteQueryOptions(client, threadId, { limit: 2 }), staleTime: 0 });
    expect(flattenPages(finished).map((run) => run.status)).toEqual(['completed', 'completed']);
    expect(listRefreshPlan(finished, polling)).toEqual({ listIntervalMs: false, runsToPoll: [] });
  });
});

// The list's own polling (a timer, which TanStack runs only in a browser) is tested in jsdom:
// test/ui/RunInspector.live-list.test.tsx.
describe('runsInfiniteQueryOptions: listed runs and the runs’ own queries', () => {
  it('writes each listed run into its run query, and keeps unchanged runs as the same objects across refetches', async () => {
    const backend = await startTestBackend();
    const { threadId, runIds } = await liveThread(backend, 2);
    const client = createAssistantsRunsClient(backend.openai);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = runsInfiniteQueryOptions(client, threadId);
    const before = flattenPages(await queryClient.fetchInfiniteQuery(options));
    for (const run of before) expect(queryClient.getQueryData(runlensKeys.run(threadId, run.id))).toEqual(run);

    // Only the newer run moves on: the older one comes back as the very same object.
    const newest = runIds.at(-1)!;
    backend.clock.advance(600); // both leave queued …
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    const middle = flattenPages(queryClient.getQueryData<RunsInfiniteData>(options.queryKey));
    await backend.openai.beta.threads.runs.cancel(newest, { thread_id: threadId }); // … and one is cancelled
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    const after = flattenPages(queryClient.getQueryData<RunsInfiniteData>(options.queryKey));
    expect(after.find((run) => run.id === newest)?.status).toBe('cancelling');
    const other = runIds[0]!;
    expect(after.find((run) => run.id === other)).toBe(middle.find((run) => run.id === other));
    expect(queryClient.getQueryData(runlensKeys.run(threadId, newest))).toMatchObject({ status: 'cancelling' });
  });

  it('keeps a run its own query saw after the list request went out, in the list and in that query', async () => {
    const backend = await startTestBackend();
    const { threadId, runIds } = await liveThread(backend, 2);
    const runId = runIds[0]!;
    const client = createAssistantsRunsClient(backend.openai);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const held = holdListAnswers(client);
    const listing = queryClient.fetchInfiniteQuery(runsInfiniteQueryOptions(held.client, threadId));
    // The list has been answered with both runs queued, but the answer is still on its way …
    await vi.waitFor(() => expect(listGets(backend, threadId)).toBe(1));
    backend.clock.advance(600);
    // … while the inspector's own read of one run lands first.
    const fresh = await queryClient.fetchQuery(runQueryOptions(client, threadId, runId));
    expect(fresh.status).toBe('in_progress');
    held.release();
    const listed = flattenPages(await listing);
    expect(listed.find((run) => run.id === runId)?.status).toBe('in_progress');
    expect(listed.find((run) => run.id === runIds[1])?.status).toBe('queued'); // what the list read
    expect(queryClient.getQueryData(runlensKeys.run(threadId, runId))).toBe(fresh);
  });
});
