// @vitest-environment jsdom
// jsdom for its real `localStorage` (quota included); the memory index runs under it unchanged.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createLocalStorageRunIndex,
  createMemoryRunIndex,
  type RunIndex,
} from '../../../src/backends/responses/run-index/index';

const KEY = 'runlens.runIndex';

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

/** Records `count` runs `run_<prefix><n>` in `conversationId`, one second apart from `from`. */
async function recordRuns(index: RunIndex, conversationId: string, count: number, prefix = '', from = 1000): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const runId = `run_${prefix}${n}`;
    await index.recordRun({ runId, conversationId, createdAt: from + n });
    ids.push(runId);
  }
  return ids;
}

/** Every id from the first page on, following `after` cursors. */
async function walkForward(index: RunIndex, conversationId: string, order: 'asc' | 'desc', limit: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await index.listRuns(conversationId, { order, limit, ...(after ? { after } : {}) });
    expect(page.data.length).toBeLessThanOrEqual(limit);
    seen.push(...page.data);
    if (!page.has_more) return seen;
    expect(page.data).toHaveLength(limit);
    after = page.last_id ?? undefined;
  }
}

const implementations: [string, () => RunIndex][] = [
  ['createMemoryRunIndex', () => createMemoryRunIndex()],
  ['createLocalStorageRunIndex', () => createLocalStorageRunIndex()],
];

describe.each(implementations)('%s', (_name, createIndex) => {
  let index: RunIndex;
  beforeEach(() => {
    index = createIndex();
  });

  describe('runs and their chains', () => {
    it('records a run whose chain starts with its own id, and appends responses in order', async () => {
      await index.recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 100 });
      expect(await index.getChain('resp_1')).toEqual(['resp_1']);
      await index.appendResponse('resp_1', 'resp_2');
      await index.appendResponse('resp_1', 'resp_3');
      expect(await index.getChain('resp_1')).toEqual(['resp_1', 'resp_2', 'resp_3']);
      const run = { runId: 'resp_1', conversationId: 'conv_a', createdAt: 100 };
      expect(await index.findRunByResponse('resp_3')).toEqual(run);
      expect(await index.findRunByResponse('resp_1')).toEqual(run);
      expect(await index.findRunByResponse('resp_9')).toBeUndefined();
      expect(await index.getChain('resp_9')).toBeUndefined();
    });

    it('hands out copies: changing a returned chain changes nothing stored', async () => {
      await index.recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 100 });
      const chain = (await index.getChain('resp_1')) as string[];
      chain.push('resp_x');
      expect(await index.getChain('resp_1')).toEqual(['resp_1']);
    });

    it('takes a retried record or append as a no-op', async () => {
      await index.recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 100 });
      await index.recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 100 });
      await index.appendResponse('resp_1', 'resp_2');
      await index.appendResponse('resp_1', 'resp_2');
      expect(await index.getChain('resp_1')).toEqual(['resp_1', 'resp_2']);
      expect((await index.listRuns('conv_a')).data).toEqual(['resp_1']);
    });

    it('rejects what would put a response in two runs or a run in two conversations', async () => {
      await index.recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 100 });
      await index.appendResponse('resp_1', 'resp_2');
      await index.recordRun({ runId: 'resp_3', conversationId: 'conv_a', createdAt: 101 });
      await expect(index.recordRun({ runId: 'resp_1', conversationId: 'conv_b', createdAt: 100 })).rejects.toThrow(
        "Run 'resp_1' is already recorded in conversation 'conv_a'.",
      );
      await expect(index.recordRun({ runId: 'resp_2', conversationId: 'conv_a', createdAt: 100 })).rejects.toThrow(
        "'resp_2' is already a response of run 'resp_1'.",
      );
      await expect(index.appendResponse('resp_3', 'resp_2')).rejects.toThrow("Response 'resp_2' already belongs to run 'resp_1'.");
      await expect(index.appendResponse('resp_404', 'resp_5')).rejects.toThrow("No run 'resp_404' in the index");
      await expect(index.recordRun({ runId: '', conversationId: 'conv_a', createdAt: 1 })).rejects.toThrow(TypeError);
      await expect(index.recordRun({ runId: 'r', conversationId: 'conv_a', createdAt: Number.NaN })).rejects.toThrow(TypeError);
    });

    it('forgets a run, its chain and its place in the list', async () => {
      await recordRuns(index, 'conv_a', 3);
      await index.appendResponse('run_2', 'resp_2b');
      expect(await index.forgetRun('run_2')).toBe(true);
      expect(await index.forgetRun('run_2')).toBe(false);
      expect(await index.getChain('run_2')).toBeUndefined();
      expect(await index.findRunByResponse('resp_2b')).toBeUndefined();
      expect((await index.listRuns('conv_a')).data).toEqual(['run_3', 'run_1']);
      // Its ids are free again.
      await index.recordRun({ runId: 'resp_2b', conversationId: 'conv_b', createdAt: 5 });
      expect((await index.listRuns('conv_b')).data).toEqual(['resp_2b']);
    });
  });

  describe('paging a conversation', () => {
    it('lists newest first by default, 20 to a page, and only the conversation asked for', async () => {
      const ids = await recordRuns(index, 'conv_a', 23);
      await recordRuns(index, 'conv_b', 2, 'b');
      const first = await index.listRuns('conv_a');
      expect(first).toEqual({
        object: 'list',
        data: ids.slice(3).reverse(),
        first_id: 'run_23',
        last_id: 'run_4',
        has_more: true,
      });
      expect(await index.listRuns('conv_a', { after: 'run_4' })).toMatchObject({ data: ['run_3', 'run_2', 'run_1'], has_more: false });
      expect((await index.listRuns('conv_b')).data).toEqual(['run_b2', 'run_b1']);
    });

    it('answers an unknown conversation with an empty page whose ids are null', async () => {
      expect(await index.listRuns('conv_none')).toEqual({ object: 'list', data: [], first_id: null, last_id: null, has_more: false });
    });

    it('orders runs of the same second as they were recorded', async () => {
      await index.recordRun({ runId: 'run_x', conversationId: 'conv_a', createdAt: 50 });
      await index.recordRun({ runId: 'run_y', conversationId: 'conv_a', createdAt: 50 });
      await index.recordRun({ runId: 'run_old', conversationId: 'conv_a', createdAt: 10 });
      await index.recordRun({ runId: 'run_z', conversationId: 'conv_a', createdAt: 50 });
      expect((await index.listRuns('conv_a', { order: 'asc' })).data).toEqual(['run_old', 'run_x', 'run_y', 'run_z']);
      expect((await index.listRuns('conv_a')).data).toEqual(['run_z', 'run_y', 'run_x', 'run_old']);
    });

    it.each([
      ['desc', 1],
      ['desc', 2],
      ['desc', 3],
      ['desc', 7],
      ['asc', 1],
      ['asc', 3],
      ['asc', 100],
    ] as const)('walks every run once with after (%s, limit %i)', async (order, limit) => {
      const ids = await recordRuns(index, 'conv_a', 7);
      const expected = order === 'asc' ? ids : [...ids].reverse();
      expect(await walkForward(index, 'conv_a', order, limit)).toEqual(expected);
    });

    it('pages with after and before in desc order, as the Assistants list does', async () => {
      await recordRuns(index, 'conv_a', 7); // desc view: run_7 … run_1
      expect(await index.listRuns('conv_a', { limit: 2, after: 'run_6' })).toEqual({
        object: 'list',
        data: ['run_5', 'run_4'],
        first_id: 'run_5',
        last_id: 'run_4',
        has_more: true,
      });
      // before: the `limit` runs just before the cursor in this order (the previous page), still desc.
      expect(await index.listRuns('conv_a', { limit: 2, before: 'run_3' })).toEqual({
        object: 'list',
        data: ['run_5', 'run_4'],
        first_id: 'run_5',
        last_id: 'run_4',
        has_more: true,
      });
      expect(await index.listRuns('conv_a', { limit: 5, before: 'run_3' })).toMatchObject({
        data: ['run_7', 'run_6', 'run_5', 'run_4'],
        has_more: false,
      });
      expect(await index.listRuns('conv_a', { before: 'run_7' })).toMatchObject({ data: [], first_id: null, has_more: false });
      expect(await index.listRuns('conv_a', { after: 'run_1' })).toMatchObject({ data: [], last_id: null, has_more: false });
      // Both cursors: the runs strictly between them, from `after` on.
      expect(await index.listRuns('conv_a', { after: 'run_6', before: 'run_2', limit: 2 })).toMatchObject({
        data: ['run_5', 'run_4'],
        has_more: true,
      });
      expect(await index.listRuns('conv_a', { after: 'run_6', before: 'run_2' })).toMatchObject({
        data: ['run_5', 'run_4', 'run_3'],
        has_more: false,
      });
    });

    it('pages with after and before in asc order', async () => {
      await recordRuns(index, 'conv_a', 7); // asc view: run_1 … run_7
      expect(await index.listRuns('conv_a', { order: 'asc', limit: 3 })).toMatchObject({
        data: ['run_1', 'run_2', 'run_3'],
        first_id: 'run_1',
        last_id: 'run_3',
        has_more: true,
      });
      expect(await index.listRuns('conv_a', { order: 'asc', limit: 3, after: 'run_3' })).toMatchObject({
        data: ['run_4', 'run_5', 'run_6'],
        has_more: true,
      });
      expect(await index.listRuns('conv_a', { order: 'asc', limit: 3, after: 'run_6' })).toMatchObject({ data: ['run_7'], has_more: false });
      expect(await index.listRuns('conv_a', { order: 'asc', limit: 2, before: 'run_5' })).toMatchObject({
        data: ['run_3', 'run_4'],
        has_more: true,
      });
      expect(await index.listRuns('conv_a', { order: 'asc', limit: 4, before: 'run_5' })).toMatchObject({
        data: ['run_1', 'run_2', 'run_3', 'run_4'],
        has_more: false,
      });
    });

    it('walks back to the start with before, page by page, in both orders', async () => {
      const ids = await recordRuns(index, 'conv_a', 8);
      for (const order of ['asc', 'desc'] as const) {
        const view = order === 'asc' ? ids : [...ids].reverse();
        const pages: string[][] = [];
        let before = view.at(-1);
        for (;;) {
          const page = await index.listRuns('conv_a', { order, limit: 3, before });
          pages.unshift(page.data);
          if (!page.has_more) break;
          before = page.first_id ?? undefined;
        }
        // Every run before the last one, once, in order.
        expect(pages.flat()).toEqual(view.slice(0, -1));
        expect(pages.map((page) => page.length)).toEqual([1, 3, 3]);
      }
    });

    it('neither repeats nor skips a run when runs are recorded while paging', async () => {
      await recordRuns(index, 'conv_a', 6);
      const first = await index.listRuns('conv_a', { limit: 4 });
      expect(first.data).toEqual(['run_6', 'run_5', 'run_4', 'run_3']);
      await recordRuns(index, 'conv_a', 2, 'new', 2000); // newer: they go above the page being read
      const rest = await index.listRuns('conv_a', { limit: 4, after: first.last_id ?? undefined });
      expect(rest).toMatchObject({ data: ['run_2', 'run_1'], has_more: false });
      // The previous page from the first one's top shows exactly the new runs.
      expect(await index.listRuns('conv_a', { limit: 4, before: 'run_6' })).toMatchObject({
        data: ['run_new2', 'run_new1'],
        has_more: false,
      });

      // Ascending, new runs land at the end of the walk, each once.
      const ascFirst = await index.listRuns('conv_a', { order: 'asc', limit: 5 });
      await recordRuns(index, 'conv_a', 1, 'newer', 3000);
      const ascRest = await walkAfter(index, 'conv_a', ascFirst.last_id as string);
      const walked = [...ascFirst.data, ...ascRest];
      expect(walked).toEqual(['run_1', 'run_2', 'run_3', 'run_4', 'run_5', 'run_6', 'run_new1', 'run_new2', 'run_newer1']);
      expect(new Set(walked).size).toBe(walked.length);
    });

    it('rejects a bad limit, a bad order and a cursor that is not a run of the conversation', async () => {
      await recordRuns(index, 'conv_a', 2);
      await recordRuns(index, 'conv_b', 1, 'b');
      for (const limit of [0, 101, 2.5]) {
        await expect(index.listRuns('conv_a', { limit })).rejects.toThrow(RangeError);
      }
      await expect(index.listRuns('conv_a', { limit: 0 })).rejects.toThrow("Invalid 'limit': expected an integer from 1 to 100, got 0.");
      await expect(index.listRuns('conv_a', { order: 'sideways' as 'asc' })).rejects.toThrow("Invalid 'order'");
      await expect(index.listRuns('conv_a', { after: 'run_9' })).rejects.toThrow("Invalid 'after': no run with id 'run_9' in conversation 'conv_a'.");
      await expect(index.listRuns('conv_a', { before: 'run_b1' })).rejects.toThrow("Invalid 'before': no run with id 'run_b1'");
      expect((await index.listRuns('conv_a', { limit: 1 })).data).toEqual(['run_2']);
      expect((await index.listRuns('conv_a', { limit: 100 })).data).toEqual(['run_2', 'run_1']);
    });
  });
});

async function walkAfter(index: RunIndex, conversationId: string, after: string): Promise<string[]> {
  const page = await index.listRuns(conversationId, { order: 'asc', limit: 2, after });
  if (!page.has_more || !page.last_id) return page.data;
  return [...page.data, ...(await walkAfter(index, conversationId, page.last_id))];
}

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
