import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRuns } from '../../src/react/useRuns';
import { assistants, backends, setup } from './harness';

/** The thread's list requests; the Responses backend lists from its run index and sends none. */
const listRequests = (h: Awaited<ReturnType<typeof setup>>, thread: string) => h.emulator.requests.filter((r) => r.path.endsWith(`${thread}/runs`));

describe.each(backends)('useRuns (%s)', (backend) => {
  it('pages to older runs with after = last_id until has_more is false', async () => {
    const h = await setup({ backend });
    const history = await h.historyThread(); // 48 finished runs
    const { result } = renderHook(() => useRuns(history, { limit: 10 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.runs).toHaveLength(10));
    for (const expected of [20, 30, 40, 48]) {
      expect(result.current.hasNextPage).toBe(true);
      await act(() => result.current.fetchNextPage());
      await waitFor(() => expect(result.current.runs).toHaveLength(expected));
    }
    expect(result.current.hasNextPage).toBe(false);
    const created = result.current.runs.map((run) => run.created_at);
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(new Set(result.current.runs.map((run) => run.id)).size).toBe(48);
    if (h.backend === 'assistants') {
      const afters = listRequests(h, history).map((r) => r.search);
      expect(afters.slice(1).every((search) => search.includes('after='))).toBe(true);
    }
  });

  it('picks up runs created elsewhere since, page by page, with before = first_id', async () => {
    const h = await setup({ backend });
    const history = await h.historyThread(); // 48 finished runs
    const { result } = renderHook(() => useRuns(history, { limit: 10 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.runs).toHaveLength(10));
    const newest = result.current.runs[0]!.id;

    const createdElsewhere: string[] = [];
    for (let i = 0; i < 25; i++) {
      createdElsewhere.unshift((await h.client.createRun(history, { assistant_id: assistants.message })).id);
      h.clock.advance(5_000);
    }
    for (const expected of [20, 30, 35]) {
      await act(() => result.current.fetchPreviousPage());
      await waitFor(() => expect(result.current.runs).toHaveLength(expected));
    }
    const ids = result.current.runs.map((run) => run.id);
    expect(ids.slice(0, 25)).toEqual(createdElsewhere);
    expect(ids[25]).toBe(newest);
    expect(new Set(ids).size).toBe(35);
    if (h.backend === 'assistants') expect(listRequests(h, history).filter((r) => r.search.includes('before='))).toHaveLength(3);
  });

  it('an empty look for newer runs ends hasPreviousPage instead of stacking empty pages; a refetch keeps the rows', async () => {
    const h = await setup({ backend });
    const history = await h.historyThread(); // 48 finished runs
    const { result } = renderHook(() => useRuns(history, { limit: 10 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.runs).toHaveLength(10));
    expect(result.current.hasPreviousPage).toBe(true);
    await act(() => result.current.fetchPreviousPage());
    await waitFor(() => expect(result.current.hasPreviousPage).toBe(false));
    // Clicking again does nothing (TanStack skips a fetch with no page param).
    await act(() => result.current.fetchPreviousPage());
    await act(() => result.current.fetchPreviousPage());
    expect(result.current.data?.pages).toHaveLength(2);
    await act(() => result.current.refetch());
    expect(result.current.runs).toHaveLength(10);

    // A run created elsewhere: the next refetch finds it in that page and turns "newer" back on.
    const created = (await h.client.createRun(history, { assistant_id: assistants.message })).id;
    await act(() => result.current.refetch());
    await waitFor(() => expect(result.current.runs[0]?.id).toBe(created));
    expect(result.current.runs).toHaveLength(11);
    expect(result.current.hasPreviousPage).toBe(true);
  });

  it('lists oldest first in asc order, with nothing before the first page', async () => {
    const h = await setup({ backend });
    const history = await h.historyThread(); // 48 finished runs
    const { result } = renderHook(() => useRuns(history, { order: 'asc', limit: 20 }), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.runs).toHaveLength(20));
    const created = result.current.runs.map((run) => run.created_at);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(result.current.hasPreviousPage).toBe(false);
    expect(result.current.hasNextPage).toBe(true);
  });
});
