import { InfiniteQueryObserver, MutationObserver, QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import type { ListPage } from '../../src/api/schemas';
import { demoIds } from '../../src/emulator';
import { createRunMutationOptions } from '../../src/query/mutations/create-run';
import { newerCursor, nextCursor, runsInfiniteQueryOptions } from '../../src/query/options/runs';
import { flattenPages } from '../../src/query/pages';
import { startTestBackend } from '../support/emulator';

const page = (ids: string[], has_more: boolean): ListPage<{ id: string }> => ({
  object: 'list',
  data: ids.map((id) => ({ id })),
  first_id: ids[0] ?? null,
  last_id: ids.at(-1) ?? null,
  has_more,
});

describe('cursors', () => {
  it('walks older with after = last_id while has_more, newer with before = first_id', () => {
    expect(nextCursor(page(['b', 'a'], true), {})).toEqual({ after: 'a' });
    expect(nextCursor(page(['b', 'a'], false), {})).toBeUndefined();
    expect(newerCursor([page(['d', 'c'], true)])).toEqual({ before: 'd' });
  });

  it('follows a newer-runs page with everything older, and an empty one with the top of the list', () => {
    // has_more on a `before` page speaks of the newer side; the older side always continues.
    expect(nextCursor(page(['f', 'e'], false), { before: 'd' })).toEqual({ after: 'e' });
    expect(nextCursor(page([], false), { before: 'd' })).toEqual({});
    expect(newerCursor([page([], false), page(['d', 'c'], true)])).toEqual({ before: 'd' });
    expect(newerCursor([page([], false)])).toBeUndefined();
  });
});

describe('runsInfiniteQueryOptions', () => {
  it('pages three pages each way from the middle of a 48-run thread', async () => {
    const backend = await startTestBackend({ seed: true });
    const client = createAssistantsRunsClient(backend.openai);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const all = flattenPages(await queryClient.fetchInfiniteQuery({
      ...runsInfiniteQueryOptions(client, demoIds.threads.history, { limit: 100 }),
    }));
    expect(all.length).toBeGreaterThanOrEqual(45);
    const middle = all[23]!.id;

    const observer = new InfiniteQueryObserver(queryClient, {
      ...runsInfiniteQueryOptions(client, demoIds.threads.history, { limit: 5 }),
      initialPageParam: { after: middle },
    });
    await observer.refetch();
    for (let i = 0; i < 3; i++) await observer.fetchNextPage();
    for (let i = 0; i < 3; i++) await observer.fetchPreviousPage();
    const ids = flattenPages(observer.getCurrentResult().data).map((run) => run.id);
    expect(ids).toEqual(all.slice(24 - 15, 24 + 20).map((run) => run.id));
  });

  it('puts a run created through runlens on top of the first page, without another list request', async () => {
    const backend = await startTestBackend({ seed: true });
    const client = createAssistantsRunsClient(backend.openai);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = runsInfiniteQueryOptions(client, demoIds.threads.history, { limit: 10 });
    await queryClient.fetchInfiniteQuery(options);
    const listGets = () => backend.emulator.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/runs')).length;
    const before = listGets();

    const created = await new MutationObserver(queryClient, createRunMutationOptions(client, demoIds.threads.history)).mutate({
      assistant_id: demoIds.assistants.message,
    });
    const data = queryClient.getQueryData(options.queryKey)!;
    expect(data.pages[0]?.data[0]?.id).toBe(created.id);
    expect(data.pages[0]?.first_id).toBe(created.id);
    expect(listGets()).toBe(before);

    // Refetching every page afterwards lands on the same list.
    backend.clock.advance(10_000);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    expect(flattenPages(queryClient.getQueryData(options.queryKey))[0]).toMatchObject({ id: created.id, status: 'completed' });
  });
});
