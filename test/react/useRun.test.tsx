import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RunsClient } from '../../src/api/client';
import { RunsApiError } from '../../src/api/errors';
import { useRun } from '../../src/react/useRun';
import { assistants, backends, setup, sleep } from './harness';

describe.each(backends)('useRun (%s)', (backend) => {
  it('polls a run to completed, then stops by itself', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.message });
    const { result } = renderHook(() => useRun(threadId, run.id), { wrapper: h.wrapper });

    await waitFor(() => expect(result.current.data?.status).toBe('queued'));
    expect(result.current.isTerminal).toBe(false);
    act(() => h.clock.advance(600));
    await waitFor(() => expect(result.current.data?.status).toBe('in_progress'));
    act(() => h.clock.advance(5_000));
    await waitFor(() => expect(result.current.data?.status).toBe('completed'));
    expect(result.current.isTerminal).toBe(true);
    expect(result.current.expiresInMs).toBeNull();

    const mark = h.mark();
    act(() => h.clock.advance(5_000));
    await sleep(250); // > 6 × maxIntervalMs
    expect(h.runPolls(run.id, mark)).toBe(0);
  });

  it.each([
    ['fail', 'failed'],
    ['incomplete', 'incomplete'],
  ] as const)('follows a %s run to %s', async (scenario, finalStatus) => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants[scenario] });
    const { result } = renderHook(() => useRun(threadId, run.id), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    act(() => h.clock.advance(10_000));
    await waitFor(() => expect(result.current.data?.status).toBe(finalStatus));
    expect(result.current.isTerminal).toBe(true);
    if (finalStatus === 'failed') expect(result.current.data?.last_error?.code).toBe('server_error');
  });

  it('shows requires_action with its pending calls; with deadlines, a live countdown, then expired and stopped', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.expire });
    const { result } = renderHook(() => useRun(threadId, run.id), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    act(() => h.clock.advance(3_000));
    await waitFor(() => expect(result.current.requiresAction).toBe(true));
    expect(result.current.pendingToolCalls).toHaveLength(1);
    if (h.backend === 'responses') {
      // No deadlines (capabilities.deadlines): no countdown, and past 600 s the run still waits, still
      // looked at (an ended response is read from the client's memory, so the look sends nothing).
      expect(result.current.expiresInMs).toBeNull();
      act(() => h.clock.advance(600_000));
      const lookedAt = result.current.dataUpdatedAt;
      await waitFor(() => expect(result.current.dataUpdatedAt).toBeGreaterThan(lookedAt));
      expect(result.current.data?.status).toBe('requires_action');
      expect(result.current.expiresInMs).toBeNull();
      return;
    }
    expect(result.current.expiresInMs).toBe(600_000 - 3_000);
    act(() => h.clock.advance(7_000));
    await waitFor(() => expect(result.current.expiresInMs).toBe(590_000), { timeout: 2_000 }); // the 1 s ticker

    act(() => h.clock.advance(600_000));
    await waitFor(() => expect(result.current.data?.status).toBe('expired'));
    expect(result.current.pendingToolCalls).toEqual([]);
    const mark = h.mark();
    await sleep(200);
    expect(h.runPolls(run.id, mark)).toBe(0);
  });

  it('sends no request after unmount', async () => {
    // Counted where the hooks call the client: a poll cancelled by the unmount may still reach the
    // server after it, so the server's log cannot tell "sent before" from "started after".
    let getRuns = 0;
    const counting = (client: RunsClient): RunsClient => ({ ...client, getRun: (...args) => ((getRuns += 1), client.getRun(...args)) });
    const h = await setup({ backend, wrapClient: counting });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.slow });
    const { result, unmount } = renderHook(() => useRun(threadId, run.id), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    await waitFor(() => expect(h.runPolls(run.id)).toBeGreaterThan(2)); // it is polling
    unmount();
    const before = getRuns;
    const mark = h.mark();
    act(() => h.clock.advance(1_000));
    await sleep(200);
    expect(getRuns).toBe(before);
    // And at most the one poll that was already on its way reaches the server.
    expect(h.runPolls(run.id, mark)).toBeLessThanOrEqual(1);
  });


  it('does not poll while the page is hidden, and catches up when it is shown again', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.slow });
    const { result } = renderHook(() => useRun(threadId, run.id), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.data).toBeDefined());
    const setVisibility = (state: DocumentVisibilityState) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange'));
    };
    try {
      act(() => setVisibility('hidden'));
      await sleep(50); // let a poll already in flight land
      const mark = h.mark();
      act(() => h.clock.advance(1_000));
      await sleep(250);
      expect(h.runPolls(run.id, mark)).toBe(0);
      act(() => setVisibility('visible'));
      await waitFor(() => expect(h.runPolls(run.id, mark)).toBeGreaterThan(0));
      await waitFor(() => expect(result.current.data?.status).toBe('in_progress'));
    } finally {
      setVisibility('visible');
    }
  });

  it('keeps derived fields on the raw run when `select` picks something else', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.function_call });
    const { result } = renderHook(() => useRun(threadId, run.id, { select: (r) => r.status.toUpperCase() }), {
      wrapper: h.wrapper,
    });
    act(() => h.clock.advance(3_000));
    await waitFor(() => expect(result.current.data).toBe('REQUIRES_ACTION'));
    expect(result.current.requiresAction).toBe(true);
    expect(result.current.pendingToolCalls).toHaveLength(2);
  });

  it('reports a missing run as a RunsApiError, not retried even when the app defaults to retries', async () => {
    const h = await setup({ backend });
    h.queryClient.setDefaultOptions({ queries: { retry: 3, retryDelay: 1 } });
    const threadId = await h.createThread();
    const { result } = renderHook(() => useRun(threadId, 'run_missing'), { wrapper: h.wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(RunsApiError.is(result.current.error)).toBe(true);
    expect((result.current.error as RunsApiError).status).toBe(404);
    await sleep(150);
    expect(h.runPolls('run_missing')).toBe(1); // no query retry, and the policy stops on a 404
  });
});
