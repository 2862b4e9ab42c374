import { RunsSchemaError } from '../../api/errors.js';
import type { AssistantTool, Run, RunStatus, RunToolCall, Usage } from '../../api/schemas/index.js';
import type { FunctionCallItem, ResponseObject } from '../../api/schemas/responses/index.js';

// A run on the Responses backend is a chain of background responses: the first answers the
// user's input, and each function-calling round adds one (`previous_response_id` + the outputs).
// The run's id is the first response's; its state is the last one's, read as a `Run` so every
// hook and component works unchanged. What the Responses API has no field for is null (see the
// README's mapping table): no assistant, no deadline, no cancelled/failed stamps.

/** Statuses a response shares with a run, one to one. */
const sharedStatuses: ReadonlySet<string> = new Set(['queued', 'in_progress', 'completed', 'failed', 'cancelled', 'incomplete']);

const isFunctionCall = (item: ResponseObject['output'][number]): item is FunctionCallItem => item.type === 'function_call';

/**
 * The calls a response waits on: a completed response's `function_call` items. Answered ones
 * live in the next response of the chain, so only the last response can have any.
 */
export function pendingCalls(response: ResponseObject): FunctionCallItem[] {
  return response.status === 'completed' ? response.output.filter(isFunctionCall) : [];
}

/**
 * The run status of a chain whose last response is `last`. A status runlens does not know fails
 * loudly (a RunsSchemaError) rather than being guessed at: polling, cancel and the tool-outputs
 * form all decide by it.
 */
export function runStatusOf(last: ResponseObject): RunStatus {
  if (!sharedStatuses.has(last.status)) {
    const message = `Unknown response status ${JSON.stringify(last.status)}; runlens knows ${[...sharedStatuses].join(', ')}`;
    throw new RunsSchemaError('getRun', [{ code: 'custom', path: ['status'], message, input: last.status }], last);
  }
  return pendingCalls(last).length > 0 ? 'requires_action' : (last.status as RunStatus);
}

/** `input_tokens` → prompt, `output_tokens` → completion, summed over the responses that report usage. */
export function chainUsage(chain: readonly ResponseObject[]): Usage | null {
  const counted = chain.flatMap((response) => (response.usage ? [response.usage] : []));
  if (counted.length === 0) return null;
  const sum = (pick: (usage: (typeof counted)[number]) => number) => counted.reduce((total, usage) => total + pick(usage), 0);
  return { prompt_tokens: sum((u) => u.input_tokens), completion_tokens: sum((u) => u.output_tokens), total_tokens: sum((u) => u.total_tokens) };
}

/** A Responses tool as the run's `tools` entry: functions nest under `function`, as in Assistants. */
function assistantToolOf(tool: { type: string } & Record<string, unknown>): AssistantTool {
  if (tool.type === 'function') {
    const { name, description, parameters, strict } = tool;
    return { type: 'function', function: { name: String(name), ...(typeof description === 'string' && { description }), ...(parameters != null && { parameters }), ...(typeof strict === 'boolean' && { strict }) } } as AssistantTool;
  }
  if (tool.type === 'code_interpreter' || tool.type === 'file_search') return { type: tool.type } as AssistantTool;
  return { ...tool, type: 'unknown', original_type: tool.type } as AssistantTool;
}

const toolCallOf = (call: FunctionCallItem): RunToolCall => ({ id: call.call_id, type: 'function', function: { name: call.name, arguments: call.arguments } });

/**
 * The run a chain of responses is, in `conversationId` (its thread). `chain` is in order, first
 * response first, and not empty.
 */
export function runFromChain(conversationId: string, chain: readonly ResponseObject[]): Run {
  const first = chain[0];
  const last = chain.at(-1);
  if (!first || !last) throw new RangeError('runFromChain needs at least one response');
  const status = runStatusOf(last);
  const calls = status === 'requires_action' ? pendingCalls(last) : [];
  const toolChoice = first['tool_choice'];
  return {
    id: first.id,
    object: 'thread.run',
    created_at: first.created_at,
    thread_id: conversationId,
    // The Responses API has no assistants: a run is configured by its request.
    assistant_id: '',
    status,
    required_action: calls.length ? { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: calls.map(toolCallOf) } } : null,
    last_error: last.error ? { code: last.error.code, message: last.error.message } : null,
    expires_at: null,
    // A response reports no start time: the first one's creation stands in once it left the queue.
    started_at: chain.length > 1 || first.status !== 'queued' ? first.created_at : null,
    cancelled_at: null,
    failed_at: null,
    completed_at: status === 'completed' ? (last.completed_at ?? null) : null,
    incomplete_details: last.incomplete_details ?? null,
    model: last.model,
    instructions: typeof first.instructions === 'string' ? first.instructions : null,
    tools: (first.tools ?? []).map(assistantToolOf),
    metadata: first.metadata ?? {},
    usage: chainUsage(chain),
    temperature: first.temperature ?? null,
    top_p: first.top_p ?? null,
    max_prompt_tokens: null,
    max_completion_tokens: first.max_output_tokens ?? null,
    truncation_strategy: null,
    tool_choice: toolChoice === 'none' || toolChoice === 'auto' || toolChoice === 'required' ? toolChoice : null,
    parallel_tool_calls: first.parallel_tool_calls ?? true,
    response_format: null,
  };
}
