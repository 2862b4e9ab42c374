import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/api/schemas';
import { runlensKeys } from '../../src/query/keys';
import { useCancelRun } from '../../src/react/useCancelRun';
import { useRun } from '../../src/react/useRun';
import { backends, assistants, holdCalls, setup, sleep } from './harness';

const cancels = (h: { emulator: { requests: { method: string; path: string }[] } }) =>
  h.emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/cancel')).length;

describe.each(backends)('useCancelRun (%s)', (backend) => {
  it('shows cancelling at once, shares a second click while in flight, then reconciles to cancelled', async () => {
    const held = holdCalls('cancelRun');
    const h = await setup({ backend, wrapClient: held.wrap });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.slow });
    const { result } = renderHook(() => ({ run: useRun(threadId, run.id), cancel: useCancelRun(threadId, run.id) }), {
      wrapper: h.wrapper,
    });
    act(() => h.clock.advance(1_000));
    await waitFor(() => expect(result.current.run.data?.status).toBe('in_progress'));
    expect(result.current.cancel.canCancel).toBe(true);

    let first!: Promise<Run>;
    let second!: Promise<Run>;
    act(() => {
      first = result.current.cancel.mutateAsync();
    });
    // Optimistic: the request is still held back, yet the run already reads `cancelling`.
    await waitFor(() => expect(result.current.run.data?.status).toBe('cancelling'));
    expect(cancels(h)).toBe(0);
    expect(result.current.cancel.canCancel).toBe(false);
    act(() => {
      second = result.current.cancel.mutateAsync();
    });
    held.release();
    const [a, b] = await act(() => Promise.all([first, second]));
    expect(a).toBe(b);
    expect(cancels(h)).toBe(1);
    expect(result.current.cancel.isError).toBe(false);

    act(() => h.clock.advance(1_000));
    await waitFor(() => expect(result.current.run.data?.status).toBe('cancelled'));
    // A click once it has ended sends nothing and is not an error.
    const answer = await act(() => result.current.cancel.mutateAsync());
    expect(answer.status).toBe('cancelled');
    expect(cancels(h)).toBe(1);
    const mark = h.mark();
    await sleep(150);
    expect(h.runPolls(run.id, mark)).toBe(0);
  });

  it('a cancel that arrives after the run ended is no failure: it resolves with the ended run', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.message });
    act(() => h.clock.advance(10_000)); // completed on the server; the cache below has not seen it
    const stale: Run = { ...run, status: 'in_progress' };
    h.queryClient.setQueryData(runlensKeys.run(threadId, run.id), stale);
    const { result } = renderHook(() => useCancelRun(threadId, run.id), { wrapper: h.wrapper });

    const answer = await act(() => result.current.mutateAsync());
    expect(answer.status).toBe('completed');
    expect(cancels(h)).toBe(1); // the server said "Cannot cancel run with status 'completed'"
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.error).toBeNull();
    expect(h.queryClient.getQueryData<Run>(runlensKeys.run(threadId, run.id))?.status).toBe('completed');
  });

  it('rolls the optimistic status back when the server refuses and the run is not over', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.message });
    // A run the server does not know (a stale row): the cancel and the check both answer 404.
    const ghost: Run = { ...run, id: 'run_ghost', status: 'in_progress' };
    h.queryClient.setQueryData(runlensKeys.run(threadId, ghost.id), ghost);
    const { result } = renderHook(() => useCancelRun(threadId, ghost.id), { wrapper: h.wrapper });

    await act(() => result.current.mutateAsync().catch(() => undefined));
    await waitFor(() => expect(result.current.error).toMatchObject({ status: 404 }));
    expect(h.queryClient.getQueryData<Run>(runlensKeys.run(threadId, ghost.id))?.status).toBe('in_progress');
  });
});
