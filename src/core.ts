// `runlens/core`: the backend boundary (api) and the query layer, with no React. For loaders,
// Server Components, workers and non-React apps; needs only `@tanstack/query-core` (and your `openai`).
export * from './api/index.js';
export * from './query/index.js';
