export * from './schemas';
export type { ListParams, ListRunStepsParams, RequestOptions, RunEventStream, RunsClient, RunWithPollHint } from './client';
export { RunsApiError, RunsSchemaError, toRunsError, type RunsApiErrorInit } from './errors';
export * from './validate';
export { createOpenAIRunsClient, type OpenAIRunsSdk } from './openai';
