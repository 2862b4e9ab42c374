// zod schemas for the runs API, written from ../shared/spec/assistants.openapi.json; every type
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
} from './common';
export * from './tools';
export * from './run';
export * from './run-step';
export * from './run-step-delta';
export * from './message';
export * from './stream-events';
export * from './params';
