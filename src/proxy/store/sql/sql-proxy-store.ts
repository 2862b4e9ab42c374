import type { OwnedKind, ProxyStore } from '../types.js';
import { checkOwnedId, checkOwner } from './checks.js';
import { checkSchemaName, type SqlDatabase } from './database.js';
import { migrate } from './migrations.js';
import { createSqlRunIndex } from './sql-run-index.js';

export interface SqlStoreOptions {
  /**
   * The Postgres schema that holds runlens's tables (created if missing), e.g. to keep them apart
   * from an app's own tables in a shared database.
   * @default 'public'
   */
  schema?: string;
}

/** The `ProxyStore` over any Postgres `database`, migrated to the latest schema version first. */
export async function createSqlProxyStore(database: SqlDatabase, { schema = 'public' }: SqlStoreOptions = {}): Promise<ProxyStore> {
  checkSchemaName(schema);
  await migrate(database, schema);
  const owners = `"${schema}".runlens_owners`;
  let closed: Promise<void> | undefined;

  const recordedOwner = async (kind: OwnedKind, id: string): Promise<string | undefined> =>
    (await database.query<{ owner: string }>(`SELECT owner FROM ${owners} WHERE kind = $1 AND id = $2`, [kind, id])).rows[0]?.owner;

  return {
    async ownerOf(kind, id) {
      checkOwnedId(kind, id);
      return recordedOwner(kind, id);
    },

    async recordOwner(kind, id, owner) {
      checkOwnedId(kind, id);
      checkOwner(owner);
      // The primary key (kind, id) decides a race between two proxies: one insert wins, the other
      // reads the winner and agrees (same owner) or refuses.
      const inserted = await database.query(
        `INSERT INTO ${owners} (kind, id, owner) VALUES ($1, $2, $3) ON CONFLICT (kind, id) DO NOTHING RETURNING owner`,
        [kind, id, owner],
      );
      if (inserted.rows.length > 0 || (await recordedOwner(kind, id)) === owner) return;
      throw new Error(`The ${kind} ${id} is already recorded for another user.`); // the memory store's words
    },

    runIndex: createSqlRunIndex(database, schema),

    close() {
      closed ??= database.close();
      return closed;
    },
  };
}
