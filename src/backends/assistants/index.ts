// `runlens/assistants`: the Assistants API backend (OpenAI's, or any server that speaks it, such
// as the runlens emulator) over the app's own `openai` instance.
export { createAssistantsRunsClient, type AssistantsSdk } from './client.js';
