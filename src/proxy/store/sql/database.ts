// The little the SQL store needs from a Postgres driver, so PGlite and `pg` stand behind the same
// queries: parameterised queries, and a transaction that commits or rolls back as a whole.

/** Something that runs one parameterised statement ($1, $2, … placeholders). */
export interface SqlQueryable {
  query<Row>(text: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface SqlDatabase extends SqlQueryable {
  /** Runs `work` in one transaction (READ COMMITTED), on one connection; a throw rolls it back. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Releases what the store opened (a pool or an embedded database it was not handed). */
  close(): Promise<void>;
}

/** A Postgres schema name the store may splice into its SQL: plain identifiers only. */
export function checkSchemaName(schema: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError(`Invalid schema '${schema}': use letters, digits and underscores, not starting with a digit.`);
  }
  return schema;
}
