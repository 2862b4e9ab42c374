import { beforeEach, describe, expect, it } from 'vitest';
import type { RunIndex } from '../../../src/backends/responses/run-index/index';

// The RunIndex contract, whatever stands behind the index: the memory and localStorage indexes
// (test/backends/responses/run-index.test.ts), the proxy store's SQL index on PGlite and Postgres,
// and the browser's index over the proxy's routes. Every index must pass it unchanged.

/** Records `count` runs `run_<prefix><n>` in `conversationId`, one second apart from `from`. */
export async function recordRuns(index: RunIndex, conversationId: string, count: number, prefix = '', from = 1000): Promise<string[]> {
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

/** Defines the contract's cases, each on a fresh index from `createIndex`. */
export function runIndexContract(createIndex: () => RunIndex | Promise<RunIndex>): void {
  let index: RunIndex;
  beforeEach(async () => {
    index = await createIndex();
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
}

async function walkAfter(index: RunIndex, conversationId: string, after: string): Promise<string[]> {
  const page = await index.listRuns(conversationId, { order: 'asc', limit: 2, after });
  if (!page.has_more || !page.last_id) return page.data;
  return [...page.data, ...(await walkAfter(index, conversationId, page.last_id))];
}
