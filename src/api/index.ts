export * from './schemas/index.js';
export type {
  ListParams,
  ListRunStepsParams,
  RequestOptions,
  RunEventStream,
  RunsClient,
  RunWithPollHint,
  StreamRequestOptions,
} from './client.js';
export { RunsApiError, RunsSchemaError, toRunsError, type RunsApiErrorInit } from './errors.js';
export * from './validate.js';
export { createOpenAIRunsClient, type OpenAIRunsSdk } from './openai.js';
