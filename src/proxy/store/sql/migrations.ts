import type { SqlDatabase, SqlQueryable } from './database.js';

// Versioned migrations: each runs once, in order, recorded in `runlens_migrations`. Never edit
// one that has shipped; add the next version instead. Statements name their schema (`${s}`).

export interface Migration {
  version: number;
  name: string;
  statements: (s: string) => string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'owners, runs and responses',
    statements: (s) => [
      // Who the proxy created each thread, conversation and response for. An id has one owner.
      `CREATE TABLE ${s}.runlens_owners (
        kind text NOT NULL CHECK (kind IN ('thread', 'conversation', 'response')),
        id text NOT NULL,
        owner text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, id)
      )`,
      // The Responses run index. `seq` is the recording order that breaks `created_at` ties.
      `CREATE TABLE ${s}.runlens_runs (
        run_id text PRIMARY KEY,
        conversation_id text NOT NULL,
        created_at double precision NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE
      )`,
      // A conversation's runs in list order: every page is one range scan of this index.
      `CREATE INDEX runlens_runs_by_conversation ON ${s}.runlens_runs (conversation_id, created_at, seq)`,
      // Each run's chain; the run id is its own first response. A response belongs to one run
      // (the primary key), so concurrent writers cannot put it in two.
      `CREATE TABLE ${s}.runlens_responses (
        response_id text PRIMARY KEY,
        run_id text NOT NULL REFERENCES ${s}.runlens_runs (run_id) ON DELETE CASCADE,
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE
      )`,
      `CREATE INDEX runlens_responses_by_run ON ${s}.runlens_responses (run_id, seq)`,
    ],
  },
];

/** The newest schema version this code knows. */
export const latestVersion = migrations.at(-1)?.version ?? 0;

async function appliedVersion(tx: SqlQueryable, s: string): Promise<number> {
  const { rows } = await tx.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${s}.runlens_migrations`);
  return Number(rows[0]?.version ?? 0);
}

/**
 * Brings `schema` up to `latestVersion` in one transaction. An advisory lock per schema makes
 * proxies that start together take turns: the first migrates, the others find it done. A database
 * migrated by a newer runlens is refused rather than misread.
 */
export async function migrate(database: SqlDatabase, schema: string): Promise<number> {
  const s = `"${schema}"`;
  return database.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`runlens.migrations.${schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${s}.runlens_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const current = await appliedVersion(tx, s);
    if (current > latestVersion) {
      throw new Error(
        `The runlens tables in schema '${schema}' are at version ${current}, newer than this runlens knows (${latestVersion}): upgrade runlens.`,
      );
    }
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      for (const statement of migration.statements(s)) await tx.query(statement);
      await tx.query(`INSERT INTO ${s}.runlens_migrations (version, name) VALUES ($1, $2)`, [migration.version, migration.name]);
    }
    return latestVersion;
  });
}
