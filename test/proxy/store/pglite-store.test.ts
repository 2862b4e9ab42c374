import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteProxyStore } from '../../../src/proxy/store/sql/index';
import { latestVersion } from '../../../src/proxy/store/sql/migrations';
import { proxyStoreContract } from './proxy-store-contract';

// The SQL store on PGlite in memory. One instance for the file (a fresh one takes seconds to
// start); each store gets its own schema, so every test starts empty and migrates from nothing.

let pglite: PGlite;
let schemas = 0;
const freshSchema = () => `store_${++schemas}`;

beforeAll(async () => {
  const started = performance.now();
  pglite = await PGlite.create();
  console.log(`PGlite (in memory) started in ${Math.round(performance.now() - started)} ms`);
}, 120_000);
afterAll(() => pglite?.close());

describe('createPgliteProxyStore (in memory)', { timeout: 30_000 }, () => {
  proxyStoreContract({
    open: () => createPgliteProxyStore({ pglite, schema: freshSchema() }),
    // Two stores over one schema, opened at once: the second finds the migration done, and both see one set of rows.
    openPair: async () => {
      const schema = freshSchema();
      const [first, second] = await Promise.all([createPgliteProxyStore({ pglite, schema }), createPgliteProxyStore({ pglite, schema })]);
      return [first, second];
    },
  });

  describe('migrations', () => {
    it('creates owners, runs and responses at version 1, once, however many stores open the schema', async () => {
      const schema = freshSchema();
      const stores = await Promise.all([1, 2, 3].map(() => createPgliteProxyStore({ pglite, schema })));
      const applied = await pglite.query<{ version: number; name: string }>(`SELECT version, name FROM ${schema}.runlens_migrations`);
      expect(applied.rows).toEqual([{ version: 1, name: 'owners, runs and responses' }]);
      expect(latestVersion).toBe(1);
      const tables = await pglite.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`,
        [schema],
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(['runlens_migrations', 'runlens_owners', 'runlens_responses', 'runlens_runs']);
      // A page of a conversation is one range scan of the (conversation_id, created_at, seq) index.
      const indexes = await pglite.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE schemaname = $1`, [schema]);
      expect(indexes.rows.map((row) => row.indexdef).join('\n')).toContain('(conversation_id, created_at, seq)');
      await Promise.all(stores.map((store) => store.close()));
    });

    it('refuses a schema a newer runlens migrated, rather than misread it', async () => {
      const schema = freshSchema();
      await (await createPgliteProxyStore({ pglite, schema })).close();
      await pglite.query(`INSERT INTO ${schema}.runlens_migrations (version, name) VALUES (2, 'from the future')`);
      await expect(createPgliteProxyStore({ pglite, schema })).rejects.toThrow(
        `The runlens tables in schema '${schema}' are at version 2, newer than this runlens knows (1): upgrade runlens.`,
      );
    });

    it('refuses a schema name it could not quote safely, and a dataDir beside an instance', async () => {
      await expect(createPgliteProxyStore({ pglite, schema: 'x"; DROP TABLE y; --' })).rejects.toThrow(TypeError);
      await expect(createPgliteProxyStore({ pglite, dataDir: '/tmp/x' })).rejects.toThrow('pass dataDir or pglite, not both');
    });
  });

  it('keeps a fractional createdAt exactly, and pages by it', async () => {
    const store = await createPgliteProxyStore({ pglite, schema: freshSchema() });
    await store.runIndex.recordRun({ runId: 'run_b', conversationId: 'conv_a', createdAt: 1_700_000_000.000_001 });
    await store.runIndex.recordRun({ runId: 'run_a', conversationId: 'conv_a', createdAt: 1_700_000_000 });
    expect(await store.runIndex.findRunByResponse('run_b')).toEqual({ runId: 'run_b', conversationId: 'conv_a', createdAt: 1_700_000_000.000_001 });
    expect((await store.runIndex.listRuns('conv_a', { order: 'asc' })).data).toEqual(['run_a', 'run_b']);
    expect((await store.runIndex.listRuns('conv_a', { order: 'asc', after: 'run_a' })).data).toEqual(['run_b']);
    await store.close();
  });
});
