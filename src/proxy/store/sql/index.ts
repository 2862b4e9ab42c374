// The proxy's store on Postgres: embedded PGlite or a Postgres server, one schema and one set of queries.
export { createPgliteProxyStore, type PgliteProxyStoreOptions } from './pglite.js';
export { createPostgresProxyStore, type PgPoolLike, type PostgresProxyStoreOptions } from './postgres.js';
export type { SqlStoreOptions } from './sql-proxy-store.js';
