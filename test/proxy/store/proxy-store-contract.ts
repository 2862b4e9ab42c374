import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProxyStore } from '../../../src/proxy/store/types';
import { recordRuns, runIndexContract } from './run-index-contract';

// The ProxyStore contract: owners, the run index (its own contract), and the rules still holding
// when calls race, on one store or on two stores over one database (two proxy instances).

export interface ProxyStoreSubject {
  /** A fresh, empty store. */
  open(): Promise<ProxyStore>;
  /** Two stores over one fresh database, when the backend can share one; else one store is raced against itself. */
  openPair?(): Promise<[ProxyStore, ProxyStore]>;
}

const settle = (calls: Promise<unknown>[]) => Promise.allSettled(calls);
const fulfilled = (results: PromiseSettledResult<unknown>[]) => results.filter((result) => result.status === 'fulfilled').length;
const rejections = (results: PromiseSettledResult<unknown>[]) =>
  results.flatMap((result) => (result.status === 'rejected' ? [String((result.reason as Error).message)] : []));

export function proxyStoreContract(subject: ProxyStoreSubject): void {
  const opened: ProxyStore[] = [];
  const open = async () => {
    const store = await subject.open();
    opened.push(store);
    return store;
  };
  const openPair = async (): Promise<[ProxyStore, ProxyStore]> => {
    if (!subject.openPair) {
      const store = await open();
      return [store, store];
    }
    const pair = await subject.openPair();
    opened.push(...pair);
    return pair;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe('runIndex', () => runIndexContract(async () => (await open()).runIndex));

  describe('owners', () => {
    let store: ProxyStore;
    beforeEach(async () => {
      store = await open();
    });

    it('knows no owner until one is recorded, then that one, per kind', async () => {
      expect(await store.ownerOf('thread', 'thread_1')).toBeUndefined();
      await store.recordOwner('thread', 'thread_1', 'alice');
      expect(await store.ownerOf('thread', 'thread_1')).toBe('alice');
      // The same id as another kind is another thing.
      expect(await store.ownerOf('conversation', 'thread_1')).toBeUndefined();
      await store.recordOwner('conversation', 'thread_1', 'bob');
      await store.recordOwner('response', 'resp_1', 'carol');
      expect(await store.ownerOf('conversation', 'thread_1')).toBe('bob');
      expect(await store.ownerOf('response', 'resp_1')).toBe('carol');
      expect(await store.ownerOf('thread', 'thread_1')).toBe('alice');
    });

    it('takes the same owner again as a no-op and never hands an id to another owner', async () => {
      await store.recordOwner('conversation', 'conv_1', 'alice');
      await store.recordOwner('conversation', 'conv_1', 'alice');
      await expect(store.recordOwner('conversation', 'conv_1', 'mallory')).rejects.toThrow('conv_1 is already recorded for another user');
      expect(await store.ownerOf('conversation', 'conv_1')).toBe('alice');
    });

    it('gives an id to exactly one of several users recording it at once', async () => {
      const [first, second] = await openPair();
      const results = await settle(
        ['alice', 'bob', 'alice', 'bob', 'carol', 'alice'].map((owner, n) => (n % 2 === 0 ? first : second).recordOwner('thread', 'thread_race', owner)),
      );
      const owner = await second.ownerOf('thread', 'thread_race');
      expect(await first.ownerOf('thread', 'thread_race')).toBe(owner);
      const winners = ['alice', 'bob', 'alice', 'bob', 'carol', 'alice'].filter((_, n) => results[n]?.status === 'fulfilled');
      expect(new Set(winners)).toEqual(new Set([owner]));
      expect(rejections(results).every((message) => message.includes('already recorded for another user'))).toBe(true);
    });
  });

  describe('runs recorded at once', () => {
    let first: ProxyStore;
    let second: ProxyStore;
    beforeEach(async () => {
      [first, second] = await openPair();
    });
    const either = (n: number) => (n % 2 === 0 ? first : second).runIndex;

    it('records a run once however many times it is recorded at once (a retried create)', async () => {
      const results = await settle(Array.from({ length: 8 }, (_, n) => either(n).recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 10 })));
      expect(fulfilled(results)).toBe(8);
      expect(await second.runIndex.getChain('resp_1')).toEqual(['resp_1']);
      expect((await first.runIndex.listRuns('conv_a')).data).toEqual(['resp_1']);
    });

    it('puts a run in one conversation only when two conversations claim it at once', async () => {
      const results = await settle([
        first.runIndex.recordRun({ runId: 'resp_1', conversationId: 'conv_a', createdAt: 10 }),
        second.runIndex.recordRun({ runId: 'resp_1', conversationId: 'conv_b', createdAt: 10 }),
      ]);
      expect(fulfilled(results)).toBe(1);
      const run = await first.runIndex.findRunByResponse('resp_1');
      expect(rejections(results)).toEqual([`Run 'resp_1' is already recorded in conversation '${run?.conversationId}'.`]);
      const lists = await Promise.all(['conv_a', 'conv_b'].map(async (id) => (await second.runIndex.listRuns(id)).data));
      expect(lists.flat()).toEqual(['resp_1']);
    });

    it('puts a response in one run only when two runs claim it at once', async () => {
      await recordRuns(first.runIndex, 'conv_a', 2);
      const results = await settle([first.runIndex.appendResponse('run_1', 'resp_x'), second.runIndex.appendResponse('run_2', 'resp_x')]);
      expect(fulfilled(results)).toBe(1);
      const owner = (await second.runIndex.findRunByResponse('resp_x'))?.runId;
      expect(rejections(results)).toEqual([`Response 'resp_x' already belongs to run '${owner}'.`]);
      const chains = await Promise.all(['run_1', 'run_2'].map((runId) => first.runIndex.getChain(runId)));
      expect(chains.flat().filter((id) => id === 'resp_x')).toHaveLength(1);
    });

    it('keeps every response appended to one run at once, each once, the run id first', async () => {
      await first.runIndex.recordRun({ runId: 'run_1', conversationId: 'conv_a', createdAt: 10 });
      const ids = Array.from({ length: 10 }, (_, n) => `resp_${n}`);
      await Promise.all([...ids, ...ids].map((id, n) => either(n).appendResponse('run_1', id)));
      const chain = (await second.runIndex.getChain('run_1')) as string[];
      expect(chain[0]).toBe('run_1');
      expect([...chain.slice(1)].sort()).toEqual([...ids].sort());
    });

    it('lists runs recorded at once in the same second each once, in one order both ways', async () => {
      const ids = Array.from({ length: 12 }, (_, n) => `run_${n}`);
      await Promise.all(ids.map((runId, n) => either(n).recordRun({ runId, conversationId: 'conv_a', createdAt: 50 })));
      const asc: string[] = [];
      for (let page = await first.runIndex.listRuns('conv_a', { order: 'asc', limit: 5 }); ; ) {
        asc.push(...page.data);
        if (!page.has_more) break;
        page = await second.runIndex.listRuns('conv_a', { order: 'asc', limit: 5, after: page.last_id ?? undefined });
      }
      expect([...asc].sort()).toEqual([...ids].sort());
      expect((await second.runIndex.listRuns('conv_a', { limit: 100 })).data).toEqual([...asc].reverse());
    });

    it('leaves no orphan response when a run is forgotten while a response is appended', async () => {
      await first.runIndex.recordRun({ runId: 'run_1', conversationId: 'conv_a', createdAt: 10 });
      const [appended, forgotten] = await settle([first.runIndex.appendResponse('run_1', 'resp_2'), second.runIndex.forgetRun('run_1')]);
      expect(forgotten).toEqual({ status: 'fulfilled', value: true });
      if (appended?.status === 'rejected') expect(String(appended.reason)).toContain("No run 'run_1' in the index");
      expect(await first.runIndex.findRunByResponse('resp_2')).toBeUndefined();
      expect(await second.runIndex.getChain('run_1')).toBeUndefined();
      // Both ids are free again.
      await second.runIndex.recordRun({ runId: 'resp_2', conversationId: 'conv_b', createdAt: 11 });
      await first.runIndex.recordRun({ runId: 'run_1', conversationId: 'conv_b', createdAt: 12 });
      expect((await first.runIndex.listRuns('conv_b')).data).toEqual(['run_1', 'resp_2']);
    });
  });
}
