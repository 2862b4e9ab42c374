import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresProxyStore } from '../../../src/proxy/store/sql/index';
import { proxyStoreContract } from './proxy-store-contract';

// The SQL store on a Postgres server, where one is reachable: the same contract PGlite passes, and
// two pools (two proxy instances) racing over one schema. Each store gets its own schema, dropped after.

const url = process.env.RUNLENS_TEST_POSTGRES_URL;
if (!url) console.log('RUNLENS_TEST_POSTGRES_URL is not set: the Postgres server cases are not defined (PGlite runs the same SQL).');

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('createPostgresProxyStore', () => {
  it('rejects with the connection error, and opens nothing, when the server cannot be reached', async () => {
    const port = await closedPort();
    const opening = createPostgresProxyStore({ connectionString: `postgres://runlens@127.0.0.1:${port}/runlens` });
    await expect(opening).rejects.toThrow(/ECONNREFUSED/);
  });
});

if (url) {
  const run = randomUUID().slice(0, 8);
  let schemas = 0;
  const created: string[] = [];
  const freshSchema = () => {
    const schema = `runlens_test_${run}_${++schemas}`;
    created.push(schema);
    return schema;
  };
  // Pools the app owns (the `{ pool }` form); the stores leave them open.
  const pools = [new pg.Pool({ connectionString: url, max: 4 }), new pg.Pool({ connectionString: url, max: 4 })] as const;
  afterAll(async () => {
    for (const schema of created) await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await Promise.all(pools.map((pool) => pool.end()));
  });

  describe('createPostgresProxyStore (server)', { timeout: 30_000 }, () => {
    proxyStoreContract({
      open: () => createPostgresProxyStore({ pool: pools[0], schema: freshSchema() }),
      // Two instances: two pools, migrating the same new schema at the same moment.
      openPair: async () => {
        const schema = freshSchema();
        const [first, second] = await Promise.all([
          createPostgresProxyStore({ pool: pools[0], schema }),
          createPostgresProxyStore({ pool: pools[1], schema }),
        ]);
        return [first, second];
      },
    });

    it('opens its own pool from a connection string, migrates once, and ends the pool on close', async () => {
      const schema = freshSchema();
      const stores = await Promise.all([1, 2, 3].map(() => createPostgresProxyStore({ connectionString: url, schema })));
      await stores[0]!.recordOwner('thread', 'thread_1', 'alice');
      expect(await stores[2]!.ownerOf('thread', 'thread_1')).toBe('alice');
      const applied = await pools[0].query(`SELECT version FROM "${schema}".runlens_migrations`);
      expect(applied.rows).toEqual([{ version: 1 }]);
      await Promise.all(stores.map((store) => store.close()));
      await expect(stores[1]!.ownerOf('thread', 'thread_1')).rejects.toThrow(/pool/i);
    });

    it('leaves a pool it was handed open on close', async () => {
      const store = await createPostgresProxyStore({ pool: pools[1], schema: freshSchema() });
      await store.close();
      expect((await pools[1].query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    });

    it('rolls a failed transaction back and hands the connection out again', async () => {
      const store = await createPostgresProxyStore({ pool: pools[0], schema: freshSchema() });
      await store.runIndex.recordRun({ runId: 'run_1', conversationId: 'conv_a', createdAt: 1 });
      await store.runIndex.appendResponse('run_1', 'resp_x');
      // Rejected inside its transaction after the run row went in: nothing of it may stay.
      await expect(store.runIndex.recordRun({ runId: 'resp_x', conversationId: 'conv_a', createdAt: 2 })).rejects.toThrow(
        "'resp_x' is already a response of run 'run_1'.",
      );
      expect((await store.runIndex.listRuns('conv_a')).data).toEqual(['run_1']);
      await Promise.all(Array.from({ length: 12 }, (_, n) => store.runIndex.appendResponse('run_1', `resp_${n}`)));
      expect(await store.runIndex.getChain('run_1')).toHaveLength(14);
    });
  });
}
