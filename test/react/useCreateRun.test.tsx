import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RunsApiError } from '../../src/api/errors';
import type { Run } from '../../src/api/schemas';
import { ActiveRunError } from '../../src/query/errors';
import { runlensKeys } from '../../src/query/keys';
import { useCreateRun } from '../../src/react/useCreateRun';
import { useCreateThreadRun } from '../../src/react/useCreateThreadRun';
import { useRuns } from '../../src/react/useRuns';
import { backends, advanceUntilSettled, assistants, setup } from './harness';

const listRequests = (h: { emulator: { requests: { method: string; path: string }[] } }, since = 0) =>
  h.emulator.requests.slice(since).filter((r) => r.method === 'GET' && r.path.endsWith('/runs')).length;

describe.each(backends)('useCreateRun (%s)', (backend) => {
  it('puts the new run in its run query and at the top of useRuns without refetching the list', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    await h.client.createRun(threadId, { assistant_id: assistants.message });
    act(() => h.clock.advance(10_000));
    const { result } = renderHook(() => ({ runs: useRuns(threadId), create: useCreateRun(threadId) }), {
      wrapper: h.wrapper,
    });
    await waitFor(() => expect(result.current.runs.runs).toHaveLength(1));
    const mark = h.mark();

    const run = await act(() => result.current.create.mutateAsync({ assistant_id: assistants.message }));
    await waitFor(() => expect(result.current.runs.runs[0]?.id).toBe(run.id));
    expect(h.queryClient.getQueryData<Run>(runlensKeys.run(threadId, run.id))?.status).toBe('queued');
    // Its row stays live through its own run query, written back into the page.
    act(() => h.clock.advance(10_000));
    await waitFor(() => expect(result.current.runs.runs[0]?.status).toBe('completed'));
    expect(listRequests(h, mark)).toBe(0);
  });

  it('turns "thread already has an active run" into ActiveRunError, and cancels it and retries on request (a conversation takes several)', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const blocking = await h.client.createRun(threadId, { assistant_id: assistants.slow });
    const { result } = renderHook(() => useCreateRun(threadId), { wrapper: h.wrapper });

    await act(() => result.current.mutateAsync({ assistant_id: assistants.message }).catch(() => undefined));
    if (h.backend === 'responses') {
      // A conversation may hold several live runs: the second simply starts.
      await waitFor(() => expect(result.current.isSuccess).toBe(true));
      expect(result.current.activeRunError).toBeNull();
      expect((await h.client.listRuns(threadId)).data.map((run) => run.id)).toEqual([result.current.data!.id, blocking.id]);
      return;
    }
    await waitFor(() => expect(result.current.activeRunError).not.toBeNull());
    expect(result.current.error).toBeInstanceOf(ActiveRunError);
    expect(RunsApiError.is(result.current.error)).toBe(true);
    expect(result.current.activeRunError).toMatchObject({ status: 400, blockingRunId: blocking.id, threadId });

    const retried = await act(() => advanceUntilSettled(h.clock, result.current.cancelBlockingRunAndRetry()));
    expect(retried.id).not.toBe(blocking.id);
    expect(retried.assistant_id).toBe(assistants.message);
    expect(h.queryClient.getQueryData<Run>(runlensKeys.run(threadId, blocking.id))?.status).toBe('cancelled');
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.activeRunError).toBeNull();
  });
});

describe('useCreateThreadRun', () => {
  it('creates a thread and its run, and caches the run', async () => {
    const h = await setup();
    const { result } = renderHook(() => useCreateThreadRun(), { wrapper: h.wrapper });
    const run = await act(() =>
      result.current.mutateAsync({
        assistant_id: assistants.message,
        thread: { messages: [{ role: 'user', content: 'Hello' }] },
      }),
    );
    expect(run.thread_id).toMatch(/^thread_/);
    expect(h.queryClient.getQueryData<Run>(runlensKeys.run(run.thread_id, run.id))?.id).toBe(run.id);
  });
});
