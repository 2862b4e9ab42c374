// `runlens`: the backend boundary (api), the framework-free query layer, and the React hooks.
export * from './api/index.js';
export * from './query/index.js';
export * from './react/index.js';
