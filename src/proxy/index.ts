// `runlens/proxy`: a server-side Fetch handler that keeps the API key on the server.
export {
  createRunsProxy,
  type AuthorizeContext,
  type AuthorizeResult,
  type ProxyRequestEvent,
  type ProxyResponseEvent,
  type RunsProxy,
  type RunsProxyOptions,
} from './proxy.js';
export type { ProxyBackend } from './routes.js';
export { createMemoryProxyStore } from './store/memory.js';
export type { OwnedKind, ProxyStore } from './store/types.js';
// The SQL stores load their drivers (optional peers) only when called.
export {
  createPgliteProxyStore,
  createPostgresProxyStore,
  type PgliteProxyStoreOptions,
  type PostgresProxyStoreOptions,
  type PgPoolLike,
} from './store/sql/index.js';
