import { environmentManager, MutationObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run } from '../../src/api/schemas';
import { RunsApiError } from '../../src/api/errors';
import { demoIds } from '../../src/emulator';
import { createRunMutationOptions } from '../../src/query/mutations/create-run';
import { runQueryOptions } from '../../src/query/options/run';
import { runStreamRegistrySize, runStreamState } from '../../src/query/stream/registry';
import { advanceUntil, settle, startStreamingBackend } from '../support/streaming-backend';

// A stream whose headers came and then nothing (the emulator's `sse-stall` fault) must not count
// as healthy forever: the watchdog closes it, says `stalled`, and the run is polled to its end.

beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));

describe('a stalled run stream', () => {
  it('is closed after stallAfterMs with no event, reported as stalled, and the run is polled to completion', async () => {
    const b = await startStreamingBackend();
    const threadId = (await b.openai.beta.threads.create({})).id;
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    b.emulator.faults.set({ rules: [{ kind: 'sse-stall', afterEvents: 3 }] });
    const polling = { minIntervalMs: 10, hintFloorMs: 10, maxIntervalMs: 40, now: () => b.clock.now() };
    const create = new MutationObserver(queryClient, createRunMutationOptions(b.client, threadId, { stream: true, stallAfterMs: 150 }));
    const run = await create.mutate({ assistant_id: demoIds.assistants.message });
    const view = new QueryObserver(queryClient, runQueryOptions(b.client, threadId, run.id, { polling }));
    const unsubscribe = view.subscribe(() => undefined);
    try {
      expect(runStreamState(queryClient, threadId, run.id)?.status).toBe('open');
      await settle(() => runStreamState(queryClient, threadId, run.id)?.status === 'stalled', 'the watchdog to fire');
      const { error } = runStreamState(queryClient, threadId, run.id)!;
      expect(RunsApiError.is(error) && error.code).toBe('stream_stalled');
      // The held connection was let go, and the run polls again until it completes.
      await settle(() => b.emulator.faults.openStalls === 0, 'the stalled connection to close');
      b.emulator.faults.set(null);
      await advanceUntil(b.clock, () => view.getCurrentResult().data?.status === 'completed', 'the run to complete by polling');
      expect((view.getCurrentResult().data as Run).status).toBe('completed');
      expect(runStreamRegistrySize(queryClient).open).toBe(0);
    } finally {
      unsubscribe();
    }
    // Once nothing shows the run any more, its stream state goes too.
    queryClient.clear();
    expect(runStreamRegistrySize(queryClient)).toMatchObject({ open: 0, states: 0 });
  });
});
