import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Run } from '../../src/api/schemas';
import { runlensKeys } from '../../src/query/keys';
import { useRun } from '../../src/react/useRun';
import { useRuns } from '../../src/react/useRuns';
import { useUpdateRun } from '../../src/react/useUpdateRun';
import { backends, assistants, holdCalls, setup } from './harness';

const updates = (h: { emulator: { requests: { method: string; path: string }[] } }) =>
  h.emulator.requests.filter((r) => r.method === 'POST' && /\/runs\/run_[^/]+$/.test(r.path)).length;

describe.each(backends)('useUpdateRun (%s)', (backend) => {
  it('shows new metadata at once in the run and its list, and keeps the server answer', async () => {
    const held = holdCalls('updateRun');
    const h = await setup({ backend, wrapClient: held.wrap });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.message });
    const { result } = renderHook(
      () => ({ run: useRun(threadId, run.id), runs: useRuns(threadId), update: useUpdateRun(threadId, run.id) }),
      { wrapper: h.wrapper },
    );
    await waitFor(() => expect(result.current.runs.runs).toHaveLength(1));
    await waitFor(() => expect(result.current.run.data).toBeDefined());
    if (h.backend === 'responses') {
      // A response's metadata is fixed (capabilities.updateMetadata): refused with the reason,
      // before any optimistic write or request.
      const before = result.current.run.data?.metadata;
      await act(() => expect(result.current.update.mutateAsync({ metadata: { label: 'nightly' } })).rejects.toThrow(/can't change a response's metadata/));
      // The hook's state follows the rejection on its next render (TanStack notifies on a later tick).
      await waitFor(() => expect(result.current.update.error).toMatchObject({ status: null, param: 'metadata' }));
      expect(result.current.run.data?.metadata).toEqual(before);
      expect(held.calls()).toBe(0);
      return;
    }

    let done!: Promise<Run>;
    act(() => {
      done = result.current.update.mutateAsync({ metadata: { label: 'nightly' } });
    });
    await waitFor(() => expect(result.current.run.data?.metadata).toEqual({ label: 'nightly' }));
    expect(result.current.runs.runs[0]?.metadata).toEqual({ label: 'nightly' });
    expect(updates(h)).toBe(0); // still held: that was the optimistic write
    held.release();
    const answer = await act(() => done);
    expect(answer.metadata).toEqual({ label: 'nightly' });
    expect(updates(h)).toBe(1);
  });

  it('rolls back when the server rejects the update', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const real = await h.client.createRun(threadId, { assistant_id: assistants.message });
    // A run the cache knows but the server does not (e.g. deleted elsewhere): the update gets a 404.
    const ghost: Run = { ...real, id: 'run_ghost', metadata: { label: 'before' } };
    h.queryClient.setQueryData(runlensKeys.run(threadId, ghost.id), ghost);
    const { result } = renderHook(() => useUpdateRun(threadId, ghost.id), { wrapper: h.wrapper });

    await act(() => result.current.mutateAsync({ metadata: { label: 'after' } }).catch(() => undefined));
    // The Responses backend refuses before sending (its metadata is fixed); the Assistants server answers 404.
    await waitFor(() => expect(result.current.error).toMatchObject(h.backend === 'responses' ? { status: null, param: 'metadata' } : { status: 404 }));
    expect(h.queryClient.getQueryData<Run>(runlensKeys.run(threadId, ghost.id))?.metadata).toEqual({ label: 'before' });
  });

  it('checks the metadata limits before sending anything', async () => {
    const h = await setup({ backend });
    const threadId = await h.createThread();
    const run = await h.client.createRun(threadId, { assistant_id: assistants.message });
    h.queryClient.setQueryData(runlensKeys.run(threadId, run.id), run);
    const { result } = renderHook(() => useUpdateRun(threadId, run.id), { wrapper: h.wrapper });
    const tooMany = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));

    await act(() => result.current.mutateAsync({ metadata: tooMany }).catch(() => undefined));
    await waitFor(() => expect(result.current.error).toMatchObject({ status: null, param: 'metadata' }));
    // On the Responses backend the edit is refused before its limits are even looked at.
    expect(result.current.error?.message).toMatch(h.backend === 'responses' ? /can't change a response's metadata/ : /17 keys/);
    expect(updates(h)).toBe(0);
    expect(h.queryClient.getQueryData<Run>(runlensKeys.run(threadId, run.id))?.metadata).toEqual(run.metadata);
  });
});
