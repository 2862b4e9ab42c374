import { act, renderHook, waitFor } from '@testing-library/react';
import type { Query } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { RunsApiError, RunsSchemaError } from '../../src/api/errors';
import { runlensKeys } from '../../src/query/keys';
import { useRun } from '../../src/react/useRun';
import { backends, assistants, setup, type Harness } from './harness';

// useRun when the backend misbehaves (the emulator's own faults, over HTTP, through the SDK).

/** The route a run's poll takes on each backend. */
const getRunRoute = { assistants: 'GET /threads/*/runs/*', responses: 'GET /responses/*' } as const;

/** The interval the run query's observer would wait now: `false` once polling has stopped. */
function currentInterval(h: Harness, threadId: string, runId: string): number | false | undefined {
  const query = h.queryClient.getQueryCache().find({ queryKey: runlensKeys.run(threadId, runId), exact: true }) as Query | undefined;
  const interval = query?.observers[0]?.options.refetchInterval;
  return typeof interval === 'function' ? (interval(query as never) as number | false) : (interval as number | false | undefined);
}

async function liveRun(h: Harness) {
  const threadId = await h.createThread();
  const run = await h.client.createRun(threadId, { assistant_id: assistants.slow });
  const hook = renderHook(() => useRun(threadId, run.id), { wrapper: h.wrapper });
  await waitFor(() => expect(hook.result.current.data?.status).toBe('queued'));
  return { threadId, runId: run.id, hook };
}

describe.each(backends)('useRun under faults (%s)', (backend) => {
  it('looks again after an answer that broke the schema a few times, then stops and keeps the last good run; Retry heals it', async () => {
    const h = await setup({ backend });
    const { threadId, runId, hook } = await liveRun(h);
    const mark = h.mark();
    h.emulator.faults.set({ rules: [{ kind: 'schema', route: getRunRoute[backend] }] });
    await waitFor(() => expect(RunsSchemaError.is(hook.result.current.error)).toBe(true));
    await waitFor(() => expect(currentInterval(h, threadId, runId)).toBe(false));
    expect(h.runPolls(runId, mark)).toBe(3);
    const { error, data } = hook.result.current;
    // The person sees a sentence with the path, not the payload dump.
    expect((error as RunsSchemaError).detail).toMatch(/^The server sent an answer runlens cannot read \(at status\)/);
    expect((error as RunsSchemaError).detail).not.toContain('\n');
    expect(data?.status).toBe('queued');

    h.emulator.faults.set(null);
    act(() => h.clock.advance(1_000));
    await act(() => hook.result.current.refetch());
    await waitFor(() => expect(hook.result.current.error).toBeNull());
    expect(hook.result.current.data?.status).toBe('in_progress');
    expect(currentInterval(h, threadId, runId)).toEqual(expect.any(Number));
  });

  it("waits out a 429's retry-after after the SDK gave up, then polls again as before", async () => {
    const h = await setup({ backend });
    const { threadId, runId, hook } = await liveRun(h);
    h.emulator.faults.set({ rules: [{ kind: 'rate-limit', route: getRunRoute[backend], retryAfterMs: 20_000 }] });
    await waitFor(() => expect(RunsApiError.is(hook.result.current.error) && hook.result.current.error.status).toBe(429));
    expect((hook.result.current.error as RunsApiError).retryAfterMs).toBe(20_000);
    expect(currentInterval(h, threadId, runId)).toBe(20_000);
    h.emulator.faults.set(null);
    await act(() => hook.result.current.refetch());
    await waitFor(() => expect(hook.result.current.error).toBeNull());
    expect(currentInterval(h, threadId, runId)).toBeLessThan(20_000);
  });
});
