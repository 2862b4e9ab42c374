import { environmentManager, MutationObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import type OpenAI from 'openai';
import type { RunsClient } from '../src/api/client';
import { createAssistantsRunsClient } from '../src/backends/assistants/client';
import type { Run } from '../src/api/schemas';
import { createRunMutationOptions } from '../src/query/mutations/create-run';
import { submitToolOutputsMutationOptions } from '../src/query/mutations/submit-tool-outputs';
import { runQueryOptions } from '../src/query/options/run';
import type { PhaseTimes } from '../src/query/phase-times';
import { isTerminalStatus, pendingToolCalls, toolCallId } from '../src/query/run-state';

/** Follows one run (created by the trial) to its end, answering tool calls as soon as it sees them. */
export type Strategy = (openai: OpenAI, threadId: string, runId: string) => Promise<Run['status']>;

/** What a strategy that starts the run itself is told and tells back. */
export interface StreamStrategyContext {
  openai: OpenAI;
  threadId: string;
  assistantId: string;
  /** Called once the run's id is known (the oracle starts watching then). */
  onRun(runId: string): void;
}

/** Starts a run and follows it to its end, answering tool calls as soon as it sees them. */
export type StreamStrategy = (context: StreamStrategyContext) => Promise<Run['status']>;

const outputsFor = (calls: { id: unknown }[]) =>
  calls.map((call) => ({ tool_call_id: String(call.id), output: JSON.stringify({ celsius: 21 }) }));

// QueryObserver only schedules refetchInterval outside a server; this script is a client.
environmentManager.setIsServer(() => false);

/**
 * What useRun + useSubmitToolOutputs do, without React: watch the run through runQueryOptions in a
 * QueryObserver, answer its tool calls as soon as it asks, resolve with its terminal status.
 */
export function answerUntilTerminal(
  queryClient: QueryClient,
  client: RunsClient,
  threadId: string,
  runId: string,
  { stream, phaseTimes }: { stream: boolean; phaseTimes?: PhaseTimes },
): Promise<Run['status']> {
  const observer = new QueryObserver(queryClient, runQueryOptions(client, threadId, runId, { polling: { phaseTimes } }));
  const submit = new MutationObserver(queryClient, submitToolOutputsMutationOptions(client, threadId, runId, { stream }));
  return new Promise((resolve, reject) => {
    const unsubscribe = observer.subscribe(({ data, error }) => {
      if (error) reject(error);
      if (!data) return;
      if (isTerminalStatus(data.status)) {
        unsubscribe();
        queryClient.clear();
        resolve(data.status);
      } else if (data.status === 'requires_action' && submit.getCurrentResult().isIdle) {
        void submit.mutate({ tool_outputs: outputsFor(pendingToolCalls(data).map((call) => ({ id: toolCallId(call) }))) });
      }
    });
  });
}

/** (a) useRun's machinery without React: runQueryOptions (default policy) in a QueryObserver, a fresh client per run. */
export const runlensPolicy: Strategy = (openai, threadId, runId) => {
  const client = createAssistantsRunsClient(openai);
  const queryClient = new QueryClient();
  return answerUntilTerminal(queryClient, client, threadId, runId, { stream: false });
};

/**
 * (a') The same, for an app that keeps watching runs: every run shares `phaseTimes`, as the runs
 * of one RunsClient do (each bench trial has its own emulator, hence its own client).
 */
export const runlensSession =
  (phaseTimes: PhaseTimes): Strategy =>
  (openai, threadId, runId) =>
    answerUntilTerminal(new QueryClient(), createAssistantsRunsClient(openai), threadId, runId, { stream: false, phaseTimes });

/**
 * (d) useCreateRun / useSubmitToolOutputs with `{ stream: true }` without React: the streaming
 * mutations feed the cache, a QueryObserver (useRun) watches it and answers the tool calls.
 */
export const runlensStream: StreamStrategy = async ({ openai, threadId, assistantId, onRun }) => {
  const client = createAssistantsRunsClient(openai);
  const queryClient = new QueryClient();
  const create = new MutationObserver(queryClient, createRunMutationOptions(client, threadId, { stream: true }));
  const { id: runId } = await create.mutate({ assistant_id: assistantId });
  onRun(runId);
  return answerUntilTerminal(queryClient, client, threadId, runId, { stream: true });
};

/** (b) The official SDK: `runs.poll` at its default (the server's hint, else 5 s). */
export const sdkPoll: Strategy = async (openai, threadId, runId) => {
  for (;;) {
    const run = await openai.beta.threads.runs.poll(runId, { thread_id: threadId });
    if (run.status !== 'requires_action') return run.status;
    const calls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
    await openai.beta.threads.runs.submitToolOutputs(runId, { thread_id: threadId, tool_outputs: outputsFor(calls) });
  }
};

/** (c) A fixed loop: look every `intervalMs`, answer tool calls at once. */
export const fixedLoop =
  (intervalMs: number): Strategy =>
  async (openai, threadId, runId) => {
    for (;;) {
      const run = await openai.beta.threads.runs.retrieve(runId, { thread_id: threadId });
      if (isTerminalStatus(run.status)) return run.status;
      if (run.status === 'requires_action') {
        const calls = run.required_action?.submit_tool_outputs.tool_calls ?? [];
        await openai.beta.threads.runs.submitToolOutputs(runId, { thread_id: threadId, tool_outputs: outputsFor(calls) });
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  };
