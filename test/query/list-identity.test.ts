import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { describe, expect, it } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import type { Run } from '../../src/api/schemas';
import { demoIds } from '../../src/emulator';
import { createRunMutationOptions } from '../../src/query/mutations/create-run';
import { runsInfiniteQueryOptions } from '../../src/query/options/runs';
import { flattenPages, type PagesData } from '../../src/query/pages';
import { startTestBackend } from '../support/emulator';

// Every new run goes on top of the list, shifting the others: if that made them new objects, each
// memoized row would re-render for every new run, and a row still holding an older list would keep
// its copies alive (bench:soak saw ~150 copies of each run after 150 runs).
describe('runs list identity', () => {
  it('keeps every unchanged run object when a run is put on top, and when a refetch shifts the list', async () => {
    const backend = await startTestBackend({ seed: true });
    const client = createAssistantsRunsClient(backend.openai);
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const options = runsInfiniteQueryOptions(client, demoIds.threads.history, { limit: 10 });
    const listed = () => flattenPages(queryClient.getQueryData(options.queryKey) as PagesData<Run> | undefined);
    await queryClient.fetchInfiniteQuery(options);
    const before = listed();
    const byId = (runs: Run[]) => new Map(runs.map((run) => [run.id, run]));

    const created = await new MutationObserver(queryClient, createRunMutationOptions(client, demoIds.threads.history)).mutate({
      assistant_id: demoIds.assistants.message,
    });
    const afterCreate = listed();
    expect(afterCreate[0]?.id).toBe(created.id);
    for (const run of before) expect(byId(afterCreate).get(run.id)).toBe(run);

    // A refetch of the first page answers 10 runs again, one index further down for the old ones.
    backend.clock.advance(10_000);
    await queryClient.refetchQueries({ queryKey: options.queryKey });
    const afterRefetch = listed();
    expect(afterRefetch[0]).toMatchObject({ id: created.id, status: 'completed' });
    for (const run of afterRefetch.slice(1)) expect(run).toBe(byId(before).get(run.id));
  });
});
