import { OpenAIProvider, Runner, setTracingDisabled } from '@openai/agents';
import OpenAI from 'openai';
import { conformingFetch, startResponsesBackend, type ResponsesBackend } from './backend';

// The OpenAI Agents SDK (@openai/agents) pointed at an emulator on 127.0.0.1: its own OpenAI client
// over the same spec-checking fetch as `startResponsesBackend`, wrapped to record the JSON bodies
// sent (the emulator's request log holds no bodies). Tracing is off so nothing leaves the machine.

setTracingDisabled(true);

export interface SentRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export interface AgentsBackend extends ResponsesBackend {
  /** Runs agents with the Responses model over the recording client. */
  runner: Runner;
  /** Every request the Agents SDK made, in order, with its JSON body. */
  sent: SentRequest[];
}

export async function startAgentsBackend(): Promise<AgentsBackend> {
  const backend = await startResponsesBackend();
  const sent: SentRequest[] = [];
  const recordingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const text = await request.clone().text();
    sent.push({ method: request.method, path: new URL(request.url).pathname, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
    return conformingFetch(request);
  };
  const client = new OpenAI({ apiKey: 'sk-test', baseURL: backend.baseURL, maxRetries: 0, fetch: recordingFetch });
  const runner = new Runner({ modelProvider: new OpenAIProvider({ openAIClient: client, useResponses: true }), tracingDisabled: true });
  return { ...backend, runner, sent };
}

/** Request metadata the Agents SDK passes through (`providerData` is spread into the create body). */
export const emulatorScenario = (name: string, extra: Record<string, string> = {}) => ({
  providerData: { metadata: { 'emulator.scenario': name, ...extra } },
});
