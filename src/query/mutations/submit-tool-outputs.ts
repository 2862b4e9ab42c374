import type { QueryClient } from '@tanstack/query-core';
import type { RunsClient } from '../../api/client.js';
import type { Run, ToolOutput } from '../../api/schemas/index.js';
import { checkToolOutputs } from '../../api/checks.js';
import { readCachedRun, writeRun } from '../cache.js';
import { refusedBeforeSend } from '../errors.js';
import { inFlight, runRef } from '../in-flight.js';
import { runlensMutationKeys } from '../keys.js';
import { runQueryOptions } from '../options/run.js';
import { pendingToolCalls, toolCallId } from '../run-state.js';
import { followRunStream } from '../stream/follow-run-stream.js';
import { reconcileSubmit, submitOutcomeError } from './reconcile-submit.js';
import { noMutationRetry, stopRunFetches, type MutationStreamConfig, type RunlensMutationOptions } from './shared.js';

export interface SubmitToolOutputsVariables {
  tool_outputs: ToolOutput[];
}

/**
 * Why these outputs must not be sent, or `null` when they may: the run must be waiting for
 * exactly these call ids, which nobody has answered yet.
 */
export function toolOutputsRefusal(
  run: Run,
  outputs: readonly ToolOutput[],
  alreadySubmitted: ReadonlySet<string> = new Set(),
): { code: string; detail: string } | null {
  if (run.status !== 'requires_action') {
    return { code: 'run_not_awaiting_outputs', detail: `Run ${run.id} is ${run.status}; it does not accept tool outputs.` };
  }
  const pending = pendingToolCalls(run).map(toolCallId);
  if (pending.length > 0 && pending.every((id) => alreadySubmitted.has(id))) {
    return { code: 'tool_outputs_already_submitted', detail: `Outputs for run ${run.id} were already submitted.` };
  }
  const given = outputs.map((output) => output.tool_call_id);
  const missing = pending.filter((id) => !given.includes(id));
  const unknown = given.filter((id) => !pending.includes(id));
  const repeated = given.filter((id, index) => given.indexOf(id) !== index);
  if (missing.length) return { code: 'tool_outputs_missing', detail: `No output for call ids [${missing.join(', ')}].` };
  if (unknown.length) return { code: 'tool_outputs_unknown', detail: `Run ${run.id} is not waiting for [${unknown.join(', ')}].` };
  if (repeated.length) return { code: 'tool_outputs_repeated', detail: `More than one output for [${repeated.join(', ')}].` };
  return null;
}

const isAbortError = (error: unknown) => error instanceof Error && error.name === 'AbortError';

async function runToCheck(queryClient: QueryClient, client: RunsClient, threadId: string, runId: string): Promise<Run> {
  return readCachedRun(queryClient, threadId, runId) ?? queryClient.fetchQuery(runQueryOptions(client, threadId, runId));
}

/**
 * Sends the outputs a `requires_action` run waits for. Refused before sending unless every
 * pending call id has exactly one output, while another submit for the run is in flight, and
 * once the run has moved on. The returned run is written to the cache, which restarts polling.
 * With `{ stream: true }` the run's next stream opens: the mutation resolves at its first run
 * event (`queued`) and the stream feeds the cache from there.
 *
 * @example
 * await new MutationObserver(queryClient, submitToolOutputsMutationOptions(client, 'thread_1', 'run_1'))
 *   .mutate({ tool_outputs: [{ tool_call_id: 'call_1', output: '{"ok":true}' }] });
 */
export function submitToolOutputsMutationOptions(
  client: RunsClient,
  threadId: string,
  runId: string,
  config: MutationStreamConfig = {},
): RunlensMutationOptions<Run, SubmitToolOutputsVariables> {
  return {
    mutationKey: runlensMutationKeys.submitToolOutputs(threadId, runId),
    mutationFn: async ({ tool_outputs }, { client: queryClient }) => {
      const shapeProblem = checkToolOutputs(tool_outputs);
      if (shapeProblem) throw shapeProblem;
      const state = inFlight(queryClient);
      const ref = runRef(threadId, runId);
      if (state.submits.has(ref)) {
        throw refusedBeforeSend('tool_outputs', 'tool_outputs_in_flight', `Outputs for run ${runId} are already being submitted.`);
      }
      state.submits.add(ref);
      try {
        const submitted = state.submittedCallIds.get(ref) ?? new Set<string>();
        const refusal = toolOutputsRefusal(await runToCheck(queryClient, client, threadId, runId), tool_outputs, submitted);
        if (refusal) throw refusedBeforeSend('tool_outputs', refusal.code, refusal.detail);
        await stopRunFetches(queryClient, threadId, runId);
        const markAnswered = () =>
          state.submittedCallIds.set(ref, new Set([...submitted, ...tool_outputs.map((output) => output.tool_call_id)]));
        let run: Run;
        try {
          run = config.stream
            ? await followRunStream(
                queryClient,
                (stop, onOpen) => client.submitToolOutputsStream(threadId, runId, { tool_outputs }, { signal: stop, onOpen }),
                { signal: config.signal?.(), run: { threadId, runId }, stallAfterMs: config.stallAfterMs },
              )
            : await client.submitToolOutputs(threadId, runId, { tool_outputs });
        } catch (error) {
          if (isAbortError(error)) throw error;
          // Not a failure yet: the outputs may have landed with the answer lost. Ask the server.
          const outcome = await reconcileSubmit(client, threadId, runId, tool_outputs).catch(() => null);
          if (!outcome) throw error;
          writeRun(queryClient, outcome.run);
          if (outcome.kind !== 'landed') throw submitOutcomeError(outcome, error);
          markAnswered();
          return outcome.run;
        }
        markAnswered();
        // A stream has written the run (and goes on writing it): writing this snapshot again could undo a newer event.
        if (!config.stream) writeRun(queryClient, run);
        return run;
      } finally {
        state.submits.delete(ref);
      }
    },
    retry: noMutationRetry,
  };
}
