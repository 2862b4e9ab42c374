import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteProxyStore } from '../../../src/proxy/store/sql/index';
import { recordRuns } from './run-index-contract';
import { proxyStoreContract } from './proxy-store-contract';

// The SQL store on PGlite kept in a directory: the contract on it, then the directory closed,
// reopened by createPgliteProxyStore({ dataDir }) and read back (what the CLI's --store <dir> does).

let dataDir: string;
let pglite: PGlite;
let schemas = 0;
const freshSchema = () => `store_${++schemas}`;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'runlens-pglite-'));
  const started = performance.now();
  pglite = await PGlite.create(dataDir);
  console.log(`PGlite (new directory) started in ${Math.round(performance.now() - started)} ms`);
}, 120_000);
afterAll(async () => {
  if (!pglite.closed) await pglite.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('createPgliteProxyStore (persisted to a directory)', { timeout: 30_000 }, () => {
  proxyStoreContract({
    open: () => createPgliteProxyStore({ pglite, schema: freshSchema() }),
  });

  it('reads back owners, runs, chains and pages after the directory is closed and reopened', { timeout: 120_000 }, async () => {
    const before = await createPgliteProxyStore({ pglite });
    await before.recordOwner('conversation', 'conv_a', 'alice');
    await before.recordOwner('response', 'run_1', 'alice');
    await recordRuns(before.runIndex, 'conv_a', 4);
    await before.runIndex.recordRun({ runId: 'run_tie', conversationId: 'conv_a', createdAt: 1004 });
    await before.runIndex.appendResponse('run_2', 'resp_2b');
    await before.runIndex.forgetRun('run_1');
    await before.close();
    await pglite.close();

    const started = performance.now();
    const after = await createPgliteProxyStore({ dataDir });
    console.log(`PGlite (existing directory) reopened in ${Math.round(performance.now() - started)} ms`);
    try {
      expect(await after.ownerOf('conversation', 'conv_a')).toBe('alice');
      expect(await after.ownerOf('response', 'run_1')).toBe('alice');
      expect(await after.runIndex.getChain('run_2')).toEqual(['run_2', 'resp_2b']);
      expect(await after.runIndex.findRunByResponse('resp_2b')).toEqual({ runId: 'run_2', conversationId: 'conv_a', createdAt: 1002 });
      expect(await after.runIndex.getChain('run_1')).toBeUndefined();
      // Ties keep their recording order across the reopen, and new runs follow it.
      await after.runIndex.recordRun({ runId: 'run_tie2', conversationId: 'conv_a', createdAt: 1004 });
      expect((await after.runIndex.listRuns('conv_a', { order: 'asc' })).data).toEqual(['run_2', 'run_3', 'run_4', 'run_tie', 'run_tie2']);
      expect(await after.runIndex.listRuns('conv_a', { limit: 2, after: 'run_tie' })).toMatchObject({ data: ['run_4', 'run_3'], has_more: true });
    } finally {
      await after.close();
    }
  });
});
