// `runlens/core`: the backend boundary (api, with the zod schemas and the create-call checks), the
// backends (Assistants and Responses), and the query layer, with no React. For loaders, Server Components, workers and
// non-React apps; needs only `@tanstack/query-core` (and your `openai`).
export * from './api/index.js';
export * from './api/schemas/index.js';
export { checkCreateRunParams, checkCreateThreadRunParams } from './api/validate.js';
export * from './backends/assistants/index.js';
export * from './backends/responses/index.js';
export * from './query/index.js';
