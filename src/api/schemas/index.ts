// zod schemas for the runs API, written from spec/assistants.openapi.json (the vendored cut of OpenAI’s OpenAPI text); every type
// here is inferred from them. Responses are loose (new fields pass through); requests are closed.
export {
  apiErrorObjectSchema,
  errorResponseSchema,
  listPageSchema,
  metadataSchema,
  usageSchema,
  type ApiErrorObject,
  type ErrorResponse,
  type ListPage,
  type Metadata,
  type Usage,
} from './common.js';
export * from './tools.js';
export * from './run.js';
export * from './run-step.js';
export * from './run-step-delta.js';
export * from './message.js';
export * from './stream-events.js';
export * from './params.js';
