import type { RunsClient } from '../../api/client.js';
import { RunsApiError } from '../../api/errors.js';
import type { Run, ToolOutput } from '../../api/schemas/index.js';
import { pendingToolCalls, toolCallId } from '../run-state.js';

/*
 * A submit that failed on the wire may still have landed: the server accepted the outputs, the
 * answer was lost, the SDK retried and was told the run "does not accept tool outputs". Before a
 * failure is reported, the server's state decides what happened.
 */

export type SubmitReconciliation =
  /** Our outputs are on the server: the submit succeeded, its answer was lost. */
  | { kind: 'landed'; run: Run }
  /** The run still waits for these calls: nothing landed, the original error stands. */
  | { kind: 'not-landed'; run: Run }
  /** Someone else (another tab, another client) answered these calls first. */
  | { kind: 'answered-elsewhere'; run: Run }
  /** The run moved on without the outputs (expired, cancelled, failed). */
  | { kind: 'run-moved-on'; run: Run };

/** Each answered function call's output, by call id, from the run's latest steps. */
async function answeredOutputs(client: RunsClient, threadId: string, runId: string): Promise<Map<string, string | null>> {
  const steps = await client.listRunSteps(threadId, runId, { order: 'desc', limit: 20 });
  const outputs = new Map<string, string | null>();
  for (const step of steps.data) {
    if (step.step_details.type !== 'tool_calls') continue;
    for (const call of step.step_details.tool_calls) if (call.type === 'function') outputs.set(call.id, call.function.output ?? null);
  }
  return outputs;
}

export async function reconcileSubmit(
  client: RunsClient,
  threadId: string,
  runId: string,
  sent: readonly ToolOutput[],
): Promise<SubmitReconciliation> {
  const { run } = await client.getRun(threadId, runId);
  const pending = new Set(pendingToolCalls(run).map(toolCallId));
  if (run.status === 'requires_action' && sent.every((output) => pending.has(output.tool_call_id))) return { kind: 'not-landed', run };
  const answered = await answeredOutputs(client, threadId, runId);
  const outputs = sent.map((output) => answered.get(output.tool_call_id));
  if (outputs.every((output, index) => output === sent[index]!.output)) return { kind: 'landed', run };
  if (outputs.some((output) => output != null)) return { kind: 'answered-elsewhere', run };
  return { kind: 'run-moved-on', run };
}

/** What the person sees when their answer did not land, instead of the raw 400. */
export function submitOutcomeError(outcome: SubmitReconciliation, original: unknown): unknown {
  const refusal = (code: string, detail: string) =>
    new RunsApiError({ status: null, type: 'invalid_request_error', code, param: 'tool_outputs', requestId: null, detail, cause: original });
  if (outcome.kind === 'answered-elsewhere') {
    return refusal(
      'tool_outputs_already_answered',
      'Already answered: these tool calls were answered elsewhere (another tab or client) before your outputs arrived.',
    );
  }
  if (outcome.kind === 'run-moved-on') {
    return refusal('run_not_awaiting_outputs', `The run is ${outcome.run.status} now; it no longer takes tool outputs.`);
  }
  return original;
}
