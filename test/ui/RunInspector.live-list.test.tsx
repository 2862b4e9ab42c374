import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listRefetchInterval } from '../../src/query/list-polling';
import { runlensKeys } from '../../src/query/keys';
import type { RunsInfiniteData } from '../../src/query/options/runs';
import { resolvePollingTuning } from '../../src/query/polling';
import { backends } from '../react/harness';
import { assistants, renderInspector, setup, type Harness } from './inspector-harness';
import { listGets, liveThread } from '../support/live-thread';

// A thread with several live runs at once (the emulator's `emulator.concurrent_runs`): the runs
// list keeps every row fresh by refetching itself, one request per page, instead of polling each
// run; the selected run is still followed by its own query.

const listQuery = (h: Harness, threadId: string) => h.queryClient.getQueryCache().find<RunsInfiniteData>({ queryKey: runlensKeys.runs(threadId) })!;

/** A thread with `count` message runs live at once: on Assistants one that allows it, on Responses any conversation. */
async function liveRuns(h: Harness, count: number): Promise<{ threadId: string; runIds: string[] }> {
  if (h.backend === 'assistants') return liveThread(h, count);
  const threadId = await h.createThread();
  const runIds: string[] = [];
  for (let i = 0; i < count; i += 1) runIds.push((await h.client.createRun(threadId, { assistant_id: assistants.message })).id);
  return { threadId, runIds };
}

const rowStates = () => within(screen.getByRole('listbox', { name: 'Runs' })).getAllByRole('option').map((row) => row.getAttribute('data-state'));

describe.each(backends)('RunInspector: many live runs on one thread (%s)', (backend) => {
  if (backend === 'assistants') {
    it('refreshes the list while its runs are active, without polling the rows one by one, and stops once all are terminal', async () => {
      const h = await setup({ backend });
      const { threadId, runIds } = await liveRuns(h, 4);
      renderInspector(h, { threadId });
      await waitFor(() => expect(rowStates()).toEqual(['queued', 'queued', 'queued', 'queued']));
      const mark = h.mark();
      await waitFor(() => expect(listGets(h, threadId, mark)).toBeGreaterThan(1)); // the list polls on its own

      await act(async () => h.clock.advance(600));
      await waitFor(() => expect(rowStates()).toEqual(['in_progress', 'in_progress', 'in_progress', 'in_progress']));
      await act(async () => h.clock.advance(10_000));
      await waitFor(() => expect(rowStates()).toEqual(['completed', 'completed', 'completed', 'completed']));

      // Only the selected (newest) run was read by itself; the other rows came from the list.
      const selected = runIds.at(-1)!;
      for (const runId of runIds.slice(0, -1)) expect(h.runPolls(runId, mark)).toBe(0);
      expect(h.runPolls(selected, mark)).toBeGreaterThan(0);
      // Every listed run is terminal: the list's interval says stop.
      expect(listRefetchInterval(listQuery(h, threadId), resolvePollingTuning(h.polling))).toBe(false);
    });
  } else {
    it('polls each live row by itself at the server\'s pace (the Responses API lists nothing), and stops once all are terminal', async () => {
      const h = await setup({ backend });
      const { threadId, runIds } = await liveRuns(h, 4);
      renderInspector(h, { threadId });
      await waitFor(() => expect(rowStates()).toEqual(['queued', 'queued', 'queued', 'queued']));
      const mark = h.mark();
      // A list refresh would read every run again: the list does not poll itself (capabilities.listInOneRequest).
      const query = listQuery(h, threadId);
      const { refetchInterval } = query.options as { refetchInterval?: number | false | ((q: typeof query) => number | false) };
      expect(typeof refetchInterval === 'function' ? refetchInterval(query) : (refetchInterval ?? false)).toBe(false);

      await act(async () => h.clock.advance(600));
      await waitFor(() => expect(rowStates()).toEqual(['in_progress', 'in_progress', 'in_progress', 'in_progress']));
      await act(async () => h.clock.advance(10_000));
      await waitFor(() => expect(rowStates()).toEqual(['completed', 'completed', 'completed', 'completed']));
      for (const runId of runIds) expect(h.runPolls(runId, mark)).toBeGreaterThan(0);
      const settled = h.mark();
      await act(async () => h.clock.advance(10_000));
      await waitFor(() => expect(h.queryClient.isFetching()).toBe(0));
      for (const runId of runIds) expect(h.runPolls(runId, settled)).toBe(0);
    });
  }

  it('polls the one active run of a thread by itself', async () => {
    const h = await setup({ backend });
    const { threadId, runIds } = await liveRuns(h, 1);
    renderInspector(h, { threadId });
    await waitFor(() => expect(rowStates()).toEqual(['queued']));
    expect(listRefetchInterval(listQuery(h, threadId), resolvePollingTuning(h.polling))).toBe(false);
    await act(async () => h.clock.advance(10_000));
    await waitFor(() => expect(rowStates()).toEqual(['completed']));
    expect(h.runPolls(runIds[0]!)).toBeGreaterThan(0);
  });
});
