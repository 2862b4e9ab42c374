import type { ProxyStore } from '../types.js';
import type { SqlDatabase, SqlQueryable } from './database.js';
import { createSqlProxyStore, type SqlStoreOptions } from './sql-proxy-store.js';

// Embedded Postgres (PGlite, compiled to WASM): no server to run, one process. For the CLI, the
// demo and tests. Loaded only when asked for, so `runlens/proxy` never needs it installed.

/** What the store uses of a PGlite instance (its `query` and `transaction`). */
export interface PgliteLike extends SqlQueryable {
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A `SqlDatabase` over a PGlite instance; `close` closes it only when the store opened it. */
export function pgliteDatabase(pglite: PgliteLike, { owned }: { owned: boolean }): SqlDatabase {
  return {
    query: (text, params) => pglite.query(text, params && [...params]),
    transaction: (work) => pglite.transaction((tx) => work({ query: (text, params) => tx.query(text, params && [...params]) })),
    close: () => (owned ? pglite.close() : Promise.resolve()),
  };
}

export interface PgliteProxyStoreOptions extends SqlStoreOptions {
  /** A directory to keep the database in (created if missing). In memory, gone on close, without it. */
  dataDir?: string;
  /**
   * An open PGlite instance to use instead of opening one (it takes seconds to start): e.g. one
   * shared by a test file, each test in its own `schema`. Closing it is left to its opener.
   */
  pglite?: PgliteLike;
}

/**
 * A `ProxyStore` on embedded PGlite, migrated on open. One process only: PGlite cannot share a
 * directory between processes, so several proxy instances need `createPostgresProxyStore`.
 * @example const store = await createPgliteProxyStore({ dataDir: './.runlens-proxy' });
 */
export async function createPgliteProxyStore(options: PgliteProxyStoreOptions = {}): Promise<ProxyStore> {
  if (options.pglite) {
    if (options.dataDir !== undefined) throw new TypeError('createPgliteProxyStore: pass dataDir or pglite, not both.');
    return createSqlProxyStore(pgliteDatabase(options.pglite, { owned: false }), options);
  }
  let PGlite: typeof import('@electric-sql/pglite').PGlite;
  try {
    ({ PGlite } = await import('@electric-sql/pglite'));
  } catch (error) {
    throw new Error('createPgliteProxyStore needs the @electric-sql/pglite package: npm install @electric-sql/pglite', { cause: error });
  }
  const pglite = await PGlite.create(options.dataDir);
  const database = pgliteDatabase(pglite as PgliteLike, { owned: true });
  try {
    return await createSqlProxyStore(database, options);
  } catch (error) {
    await database.close();
    throw error;
  }
}
