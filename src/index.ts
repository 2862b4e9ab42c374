// `runlens`: the backend boundary (api: the run model's types, errors and checks, no zod), the
// framework-free query layer, and the React hooks. Backends come from their own entries
// (`runlens/assistants`), so an app bundles only the one it uses.
export type * from './api/schemas/index.js';
export * from './api/index.js';
export * from './query/index.js';
export * from './react/index.js';
