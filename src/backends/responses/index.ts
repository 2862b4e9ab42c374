// `runlens/responses`: the Responses API backend (OpenAI's API since the Assistants API was shut
// down, or any server that speaks it, such as the runlens emulator) over the app's own `openai`
// instance, and the run index it lists runs from.
export {
  createResponsesRunsClient,
  type ResponsesAssistant,
  type ResponsesRunsClientOptions,
  type ResponsesSdk,
} from './client.js';
export * from './run-index/index.js';
