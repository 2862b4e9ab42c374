// `runlens`: the backend boundary (api), the framework-free query layer, and the React hooks.
export * from './api';
export * from './query';
export * from './react';
