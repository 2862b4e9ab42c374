// @vitest-environment jsdom
// jsdom for its real `localStorage` (quota included); the memory index runs under it unchanged.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createLocalStorageRunIndex,
  createMemoryRunIndex,
  type RunIndex,
} from '../../../src/backends/responses/run-index/index';
import { recordRuns, runIndexContract } from '../../proxy/store/run-index-contract';

const KEY = 'runlens.runIndex';

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

const implementations: [string, () => RunIndex][] = [
  ['createMemoryRunIndex', () => createMemoryRunIndex()],
  ['createLocalStorageRunIndex', () => createLocalStorageRunIndex()],
];

describe.each(implementations)('%s', (_name, createIndex) => runIndexContract(createIndex));

/** Fills jsdom's real localStorage quota to the last character, so the next write throws. */
function fillStorage(): void {
  let low = 0;
  let high = 10_000_000;
  while (low < high) {
    const length = Math.ceil((low + high) / 2);
    try {
      localStorage.setItem('filler', 'x'.repeat(length));
      low = length;
    } catch {
      high = length - 1;
    }
  }
  localStorage.setItem('filler', 'x'.repeat(low));
}

describe('createLocalStorageRunIndex', () => {
  it('survives a reload: a new index over the same storage sees the runs, chains and pages', async () => {
    const before = createLocalStorageRunIndex();
    await recordRuns(before, 'conv_a', 3);
    await before.appendResponse('run_2', 'resp_2b');
    await before.forgetRun('run_1');

    const after = createLocalStorageRunIndex();
    expect(await after.getChain('run_2')).toEqual(['run_2', 'resp_2b']);
    expect(await after.findRunByResponse('resp_2b')).toEqual({ runId: 'run_2', conversationId: 'conv_a', createdAt: 1002 });
    expect(await after.listRuns('conv_a')).toMatchObject({ data: ['run_3', 'run_2'], has_more: false });
    // Ties keep their recorded order across a reload.
    await after.recordRun({ runId: 'run_tie', conversationId: 'conv_a', createdAt: 1003 });
    expect((await createLocalStorageRunIndex().listRuns('conv_a', { order: 'asc' })).data).toEqual(['run_2', 'run_3', 'run_tie']);
  });

  it('stores versioned JSON under its key, or the key it is given', async () => {
    await createLocalStorageRunIndex().recordRun({ runId: 'run_1', conversationId: 'conv_a', createdAt: 7 });
    expect(JSON.parse(localStorage.getItem(KEY) as string)).toEqual({
      format: 'runlens.runIndex',
      version: 1,
      runs: [{ runId: 'run_1', conversationId: 'conv_a', createdAt: 7, responseIds: ['run_1'] }],
    });
    const other = createLocalStorageRunIndex({ key: 'app.runs' });
    expect((await other.listRuns('conv_a')).data).toEqual([]);
    await other.recordRun({ runId: 'run_2', conversationId: 'conv_a', createdAt: 8 });
    expect(localStorage.getItem('app.runs')).toContain('run_2');
  });

  it('sees what another index over the same storage (another tab) recorded', async () => {
    const tabA = createLocalStorageRunIndex();
    const tabB = createLocalStorageRunIndex();
    await tabA.recordRun({ runId: 'run_a', conversationId: 'conv_a', createdAt: 1 });
    await tabB.recordRun({ runId: 'run_b', conversationId: 'conv_a', createdAt: 2 });
    await tabA.appendResponse('run_b', 'resp_b2');
    expect((await tabA.listRuns('conv_a')).data).toEqual(['run_b', 'run_a']);
    expect(await tabB.getChain('run_b')).toEqual(['run_b', 'resp_b2']);
  });

  it.each([
    ['not JSON', '{"format": "runlens.runIndex", "version": 1, "runs": ['],
    ['another app’s JSON', '{"theme":"dark"}'],
    ['a newer version', '{"format":"runlens.runIndex","version":2,"runs":[]}'],
    ['a chain that does not start with its run', '{"format":"runlens.runIndex","version":1,"runs":[{"runId":"r","conversationId":"c","createdAt":1,"responseIds":["x"]}]}'],
    ['a response in two chains', '{"format":"runlens.runIndex","version":1,"runs":[{"runId":"r","conversationId":"c","createdAt":1,"responseIds":["r","x"]},{"runId":"s","conversationId":"c","createdAt":1,"responseIds":["s","x"]}]}'],
  ])('moves %s aside to `<key>.corrupt`, says so, and starts empty', async (_what, stored) => {
    localStorage.setItem(KEY, stored);
    const onError = vi.fn();
    const index = createLocalStorageRunIndex({ onError });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(String(onError.mock.calls[0]?.[0])).toContain(`moved to '${KEY}.corrupt'`);
    expect(localStorage.getItem(`${KEY}.corrupt`)).toBe(stored);
    expect(JSON.parse(localStorage.getItem(KEY) as string)).toEqual({ format: 'runlens.runIndex', version: 1, runs: [] });
    expect(await index.listRuns('c')).toMatchObject({ data: [] });
    await index.recordRun({ runId: 'run_1', conversationId: 'conv_a', createdAt: 1 });
    expect((await createLocalStorageRunIndex({ onError }).listRuns('conv_a')).data).toEqual(['run_1']);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('leaves an unreadable value in place, and keeps to memory, when it cannot be copied aside', async () => {
    localStorage.setItem(KEY, 'garbage');
    fillStorage();
    const onError = vi.fn();
    const index = createLocalStorageRunIndex({ onError });
    expect(onError).toHaveBeenCalledTimes(1);
    const reported = onError.mock.calls[0]?.[0] as Error;
    expect(reported.message).toContain('left in place');
    expect((reported.cause as DOMException).name).toBe('QuotaExceededError');
    localStorage.removeItem('filler');
    await index.recordRun({ runId: 'run_1', conversationId: 'conv_a', createdAt: 1 });
    expect((await index.listRuns('conv_a')).data).toEqual(['run_1']);
    expect(localStorage.getItem(KEY)).toBe('garbage');
  });

  it('keeps working in memory when storage is full, reports it, and saves once there is room', async () => {
    const onError = vi.fn();
    const index = createLocalStorageRunIndex({ onError });
    await index.recordRun({ runId: 'run_1', conversationId: 'conv_a', createdAt: 1 });
    fillStorage();
    await index.recordRun({ runId: 'run_2', conversationId: 'conv_a', createdAt: 2 });
    await index.appendResponse('run_2', 'resp_2b');
    expect(onError).toHaveBeenCalledTimes(2);
    expect((onError.mock.calls[0]?.[0] as DOMException).name).toBe('QuotaExceededError');
    expect((await index.listRuns('conv_a')).data).toEqual(['run_2', 'run_1']);
    expect(await index.getChain('run_2')).toEqual(['run_2', 'resp_2b']);
    expect((await createLocalStorageRunIndex().listRuns('conv_a')).data).toEqual(['run_1']);

    localStorage.removeItem('filler');
    await index.recordRun({ runId: 'run_3', conversationId: 'conv_a', createdAt: 3 });
    expect(onError).toHaveBeenCalledTimes(2);
    const reloaded = createLocalStorageRunIndex();
    expect((await reloaded.listRuns('conv_a')).data).toEqual(['run_3', 'run_2', 'run_1']);
    expect(await reloaded.getChain('run_2')).toEqual(['run_2', 'resp_2b']);
  });

  it('keeps runs in memory where there is no localStorage (server rendering)', async () => {
    vi.stubGlobal('localStorage', undefined);
    const onError = vi.fn();
    const index = createLocalStorageRunIndex({ onError });
    await recordRuns(index, 'conv_a', 2);
    expect((await index.listRuns('conv_a')).data).toEqual(['run_2', 'run_1']);
    expect(onError).not.toHaveBeenCalled();
    const explicit = createLocalStorageRunIndex({ storage: null });
    await explicit.recordRun({ runId: 'run_x', conversationId: 'conv_a', createdAt: 1 });
    expect((await explicit.listRuns('conv_a')).data).toEqual(['run_x']);
  });

  it('keeps runs in memory, and reports why, when storage refuses access', async () => {
    const refused = new DOMException('The operation is insecure.', 'SecurityError');
    const blocked = {
      getItem: () => {
        throw refused;
      },
      setItem: () => {
        throw refused;
      },
    };
    const onError = vi.fn();
    const index = createLocalStorageRunIndex({ storage: blocked, onError });
    await recordRuns(index, 'conv_a', 2);
    expect((await index.listRuns('conv_a')).data).toEqual(['run_2', 'run_1']);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(refused);
  });
});

describe('createMemoryRunIndex({ runs })', () => {
  it('starts with the given runs and chains, paged and found like recorded ones', async () => {
    const index = createMemoryRunIndex({
      runs: [
        { runId: 'resp_a', conversationId: 'conv_1', createdAt: 100, responseIds: ['resp_a', 'resp_a2'] },
        { runId: 'resp_b', conversationId: 'conv_1', createdAt: 200 },
      ],
    });
    expect((await index.listRuns('conv_1')).data).toEqual(['resp_b', 'resp_a']);
    expect(await index.getChain('resp_a')).toEqual(['resp_a', 'resp_a2']);
    expect(await index.findRunByResponse('resp_a2')).toEqual({ runId: 'resp_a', conversationId: 'conv_1', createdAt: 100 });
  });

  it('refuses runs that break the index rules, saying which and why', () => {
    expect(() => createMemoryRunIndex({ runs: [{ runId: 'resp_a', conversationId: 'conv_1', createdAt: 1, responseIds: ['resp_x'] }] })).toThrow(
      "run 'resp_a' has responseIds starting with 'resp_x'; a chain starts with its run id",
    );
    expect(() =>
      createMemoryRunIndex({
        runs: [
          { runId: 'resp_a', conversationId: 'conv_1', createdAt: 1, responseIds: ['resp_a', 'resp_c'] },
          { runId: 'resp_b', conversationId: 'conv_1', createdAt: 2, responseIds: ['resp_b', 'resp_c'] },
        ],
      }),
    ).toThrow("Response 'resp_c' already belongs to run 'resp_a'.");
    expect(() => createMemoryRunIndex({ runs: [{ runId: '', conversationId: 'conv_1', createdAt: 1 }] })).toThrow('runId must be a non-empty string');
  });
});
