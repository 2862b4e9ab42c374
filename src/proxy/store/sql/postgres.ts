import type { ProxyStore } from '../types.js';
import type { SqlDatabase, SqlQueryable } from './database.js';
import { createSqlProxyStore, type SqlStoreOptions } from './sql-proxy-store.js';

// Any Postgres server through `pg`: what several proxy instances share in production. Loaded only
// when asked for, so `runlens/proxy` never needs `pg` installed.

/** What the store uses of a `pg` Pool (a `pg.Pool` fits). */
export interface PgPoolLike extends SqlQueryable {
  connect(): Promise<SqlQueryable & { release(error?: Error | boolean): void }>;
  end(): Promise<void>;
}

/** A `SqlDatabase` over a pool: each transaction on one checked-out connection. */
export function postgresDatabase(pool: PgPoolLike, { owned }: { owned: boolean }): SqlDatabase {
  return {
    query: (text, params) => pool.query(text, params && [...params]),
    async transaction(work) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // A connection that cannot roll back is not handed out again.
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => (owned ? pool.end() : Promise.resolve()),
  };
}

export type PostgresProxyStoreOptions = SqlStoreOptions &
  (
    | { /** e.g. `postgres://user:password@host:5432/app`; the store opens and closes its own pool. */ connectionString: string }
    | { /** A `pg.Pool` the app owns: the store uses it and leaves closing it to the app. */ pool: PgPoolLike }
  );

/**
 * A `ProxyStore` on a Postgres server, migrated on open (safe when several instances start at once).
 * @example const store = await createPostgresProxyStore({ connectionString: process.env.DATABASE_URL! });
 */
export async function createPostgresProxyStore(options: PostgresProxyStoreOptions): Promise<ProxyStore> {
  let database: SqlDatabase;
  if ('pool' in options) {
    database = postgresDatabase(options.pool, { owned: false });
  } else {
    let Pool: typeof import('pg').Pool;
    try {
      ({ Pool } = await import('pg'));
    } catch (error) {
      throw new Error('createPostgresProxyStore needs the pg package: npm install pg', { cause: error });
    }
    database = postgresDatabase(new Pool({ connectionString: options.connectionString }) as PgPoolLike, { owned: true });
  }
  try {
    return await createSqlProxyStore(database, options);
  } catch (error) {
    await database.close();
    throw error;
  }
}
