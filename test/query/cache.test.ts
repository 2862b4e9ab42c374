import { QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import type { ListPage, Run } from '../../src/api/schemas';
import { findActiveRunInCache, isStaleRunWrite, readCachedRun, writeRun } from '../../src/query/cache';
import { runlensKeys } from '../../src/query/keys';
import type { PagesData } from '../../src/query/pages';
import { makeRun } from './run-fixture';

const run = (id: string, patch: Partial<Run> = {}) => makeRun({ id, status: 'completed', expires_at: null, ...patch });

function page(runs: Run[], has_more: boolean): ListPage<Run> {
  return { object: 'list', data: runs, first_id: runs[0]?.id ?? null, last_id: runs.at(-1)?.id ?? null, has_more };
}

function seedList(queryClient: QueryClient, order: 'asc' | 'desc', pages: ListPage<Run>[]): readonly unknown[] {
  const key = runlensKeys.runs('thread_1', { limit: 2, order });
  queryClient.setQueryData<PagesData<Run>>(key, { pages, pageParams: pages.map(() => ({})) });
  return key;
}

describe('cache writes', () => {
  it('writes a run update into its query and every list page holding it, leaving other pages untouched', () => {
    const queryClient = new QueryClient();
    const desc = seedList(queryClient, 'desc', [page([run('run_4'), run('run_3')], true), page([run('run_2'), run('run_1')], false)]);
    const asc = seedList(queryClient, 'asc', [page([run('run_1'), run('run_2')], true)]);
    const before = queryClient.getQueryData<PagesData<Run>>(desc)!;

    writeRun(queryClient, run('run_2', { metadata: { label: 'x' } }));

    expect(queryClient.getQueryData<Run>(runlensKeys.run('thread_1', 'run_2'))?.metadata).toEqual({ label: 'x' });
    const after = queryClient.getQueryData<PagesData<Run>>(desc)!;
    expect(after.pages[1]?.data[0]?.metadata).toEqual({ label: 'x' });
    expect(after.pages[0]).toBe(before.pages[0]);
    expect(queryClient.getQueryData<PagesData<Run>>(asc)!.pages[0]?.data[1]?.metadata).toEqual({ label: 'x' });
  });

  it('puts a new run at the top of desc lists and at the end of complete asc lists, moving the cursors', () => {
    const queryClient = new QueryClient();
    const desc = seedList(queryClient, 'desc', [page([run('run_2'), run('run_1')], false)]);
    const asc = seedList(queryClient, 'asc', [page([run('run_1'), run('run_2')], false)]);
    const ascPartial = runlensKeys.runs('thread_1', { limit: 1, order: 'asc' });
    queryClient.setQueryData<PagesData<Run>>(ascPartial, { pages: [page([run('run_1')], true)], pageParams: [{}] });

    writeRun(queryClient, run('run_3', { status: 'queued' }), { isNew: true });

    const descPage = queryClient.getQueryData<PagesData<Run>>(desc)!.pages[0]!;
    expect(descPage.data.map((r) => r.id)).toEqual(['run_3', 'run_2', 'run_1']);
    expect(descPage.first_id).toBe('run_3');
    const ascPage = queryClient.getQueryData<PagesData<Run>>(asc)!.pages[0]!;
    expect(ascPage.data.map((r) => r.id)).toEqual(['run_1', 'run_2', 'run_3']);
    expect(ascPage.last_id).toBe('run_3');
    // An asc list that has not reached its end will fetch the new run in its own time.
    expect(queryClient.getQueryData<PagesData<Run>>(ascPartial)!.pages[0]!.data.map((r) => r.id)).toEqual(['run_1']);

    writeRun(queryClient, run('run_3', { status: 'in_progress' }), { isNew: true });
    expect(queryClient.getQueryData<PagesData<Run>>(desc)!.pages[0]!.data.filter((r) => r.id === 'run_3')).toHaveLength(1);
  });

  it('drops stale writes: nothing leaves a terminal status, cancelling only ends', () => {
    expect(isStaleRunWrite(run('r'), run('r', { status: 'in_progress' }))).toBe(true);
    expect(isStaleRunWrite(run('r', { status: 'cancelling' }), run('r', { status: 'in_progress' }))).toBe(true);
    expect(isStaleRunWrite(run('r', { status: 'cancelling' }), run('r', { status: 'cancelled' }))).toBe(false);
    expect(isStaleRunWrite(run('r', { status: 'requires_action' }), run('r', { status: 'queued' }))).toBe(false);

    const queryClient = new QueryClient();
    writeRun(queryClient, run('run_1', { status: 'cancelled' }));
    expect(writeRun(queryClient, run('run_1', { status: 'in_progress' }))).toBe(false);
    expect(readCachedRun(queryClient, 'thread_1', 'run_1')?.status).toBe('cancelled');
  });

  it('finds an active run from run queries or lists', () => {
    const queryClient = new QueryClient();
    seedList(queryClient, 'desc', [page([run('run_2', { status: 'in_progress' }), run('run_1')], false)]);
    expect(findActiveRunInCache(queryClient, 'thread_1')?.id).toBe('run_2');
    expect(readCachedRun(queryClient, 'thread_1', 'run_1')?.id).toBe('run_1');
    expect(findActiveRunInCache(queryClient, 'thread_other')).toBeUndefined();
  });
});
