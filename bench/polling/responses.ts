import { MutationObserver, QueryClient } from '@tanstack/query-core';
import type OpenAI from 'openai';
import type { RunsClient } from '../../src/api/client';
import { createResponsesRunsClient, type ResponsesAssistant } from '../../src/backends/responses/client';
import { createMemoryRunIndex } from '../../src/backends/responses/run-index/index';
import { createRunMutationOptions } from '../../src/query/mutations/create-run';
import { stalenessMs, type Backend, type Sighting } from '../harness';
import { answerUntilTerminal } from '../strategies';
import type { Sample } from './report';
import { startResponsesTrial } from './responses-trial';

/*
 * The Responses rows of `npm run bench:polling`: one function_call run (a background response that
 * asks for get_weather, then the outputs' response that writes the reply: queued → in_progress →
 * requires_action → outputs → queued → in_progress → completed) followed by the runlens query layer
 * over createResponsesRunsClient, and by the SDK's own retrieve loop beside it in the same round.
 */

/** What every strategy here is told: it starts the run itself (runlens records it in its RunIndex). */
export interface ResponsesStrategyContext {
  openai: OpenAI;
  conversationId: string;
  /** Called once the run's id is known (the oracle starts watching then). */
  onRun(runId: string): void;
}

export type ResponsesStrategy = (context: ResponsesStrategyContext) => Promise<string>;

const weatherTool = { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } };
/** The Responses API has no assistants: what `asst_weather` stands for (as examples/responses-quickstart.ts). */
const weather = {
  model: 'gpt-4.1',
  metadata: { 'emulator.scenario': 'function_call' },
  tools: [{ type: 'function', function: weatherTool }],
} satisfies ResponsesAssistant;
export const weatherAssistantId = 'asst_weather';
export const weatherQuestion = { role: 'user' as const, content: 'Weather in Paris?' };

/** A fresh Responses client, as an app has one: an in-memory RunIndex and the assistant above. */
export const responsesRunsClient = (openai: OpenAI): RunsClient =>
  createResponsesRunsClient(openai, { runIndex: createMemoryRunIndex(), assistants: { [weatherAssistantId]: weather } });

const outputFor = (callId: string) => ({ type: 'function_call_output' as const, call_id: callId, output: JSON.stringify({ celsius: 21 }) });

/** useCreateRun + useRun + useSubmitToolOutputs without React, with or without `{ stream: true }`. */
const runlensFollower =
  (stream: boolean): ResponsesStrategy =>
  async ({ openai, conversationId, onRun }) => {
    const client = responsesRunsClient(openai);
    const queryClient = new QueryClient();
    const create = new MutationObserver(queryClient, createRunMutationOptions(client, conversationId, { stream }));
    const { id: runId } = await create.mutate({ assistant_id: weatherAssistantId, additional_messages: [weatherQuestion] });
    onRun(runId);
    return answerUntilTerminal(queryClient, client, conversationId, runId, { stream });
  };

/** (a) The policy: create with stream false, then useRun's query options in a QueryObserver. */
export const responsesPolicy = runlensFollower(false);
/** (d) The stream: create and submit with `stream: true`, useRun on the cache they feed. */
export const responsesStream = runlensFollower(true);

/**
 * (b)/(c) The SDK alone: `responses.retrieve` in a loop, answering the function calls with a new
 * background response in the conversation. openai 7.57 has no `responses.poll`, so this is its
 * `runs.poll` rule written out: wait `openai-poll-after-ms` (read through `.withResponse()`), else
 * 5 s; with `fixedMs`, a fixed loop that ignores the header.
 */
export const sdkRetrieveLoop =
  (fixedMs?: number): ResponsesStrategy =>
  async ({ openai, conversationId, onRun }) => {
    const common = { model: weather.model, conversation: conversationId, metadata: weather.metadata, background: true, store: true };
    const tools = [{ type: 'function' as const, ...weatherTool, strict: false }];
    let response = await openai.responses.create({ ...common, tools, input: [{ type: 'message', ...weatherQuestion }] });
    onRun(response.id);
    for (;;) {
      const { data, response: http } = await openai.responses.retrieve(response.id).withResponse();
      response = data;
      if (response.status === 'queued' || response.status === 'in_progress') {
        const hinted = Number.parseInt(http.headers.get('openai-poll-after-ms') ?? '', 10);
        await new Promise((resolve) => setTimeout(resolve, fixedMs ?? (Number.isNaN(hinted) ? 5_000 : hinted)));
        continue;
      }
      const calls = response.output.flatMap((item) => (item.type === 'function_call' ? [item.call_id] : []));
      if (response.status !== 'completed' || calls.length === 0) return response.status ?? 'unknown';
      response = await openai.responses.create({ ...common, tools, input: calls.map(outputFor) });
    }
  };

/** One lifecycle of `strategy` on its own emulator, measured as harness.ts measures the Assistants rows. */
export async function responsesTrial(strategy: ResponsesStrategy, speed: number, backend: Backend = {}): Promise<Sample> {
  const t = await startResponsesTrial(speed, backend);
  try {
    const { id: conversationId } = await t.openai.conversations.create({});
    let stop: () => Sighting[] = () => [];
    const started = performance.now();
    const finalStatus = await strategy({ openai: t.openai, conversationId, onRun: () => (stop = t.watch()) });
    const wallMs = performance.now() - started;
    // Lets the oracle's last reads land (it reads every 10 ms).
    await new Promise((resolve) => setTimeout(resolve, 30));
    return { staleness: stalenessMs(stop(), t.clientSightings), ...t.clientRequests(), wallMs, finalStatus };
  } finally {
    await t.close();
  }
}
