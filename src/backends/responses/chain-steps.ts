import type { Message, RunStep, RunStepStatus, ToolCall } from '../../api/schemas/index.js';
import type { MessageItem, OutputItem, ResponseObject } from '../../api/schemas/responses/index.js';

// A run's steps on the Responses backend: the output items of its chain, in order, one step each.
// Items carry no timestamps, so a step's times are its response's (`created_at`, and
// `completed_at` once that response completed): the UI shows them as the response's, not the item's.

/** The outputs the app sent for the chain's function calls, by `call_id` (from the next response's input). */
export type FunctionOutputs = ReadonlyMap<string, string>;

/** Statuses an item moves through while its tool works (`searching`, `interpreting`, …). */
const workingStatuses: ReadonlySet<string> = new Set(['in_progress', 'searching', 'interpreting', 'generating', 'calling']);

/** An item's step status: its own when it has one, else its response's; a stopped response stops its unfinished items. */
function stepStatusOf(item: OutputItem, response: ResponseObject): RunStepStatus {
  const own = 'status' in item && typeof item.status === 'string' ? item.status : undefined;
  if (own === 'completed') return 'completed';
  if (own === 'failed' || own === 'incomplete') return 'failed';
  const stillMoving = response.status === 'queued' || response.status === 'in_progress';
  if (own !== undefined && workingStatuses.has(own) && stillMoving) return 'in_progress';
  if (response.status === 'cancelled') return 'cancelled';
  if (response.status === 'failed' || response.status === 'incomplete') return own === undefined || workingStatuses.has(own) ? 'failed' : 'completed';
  return stillMoving ? 'in_progress' : 'completed';
}

/** The item as a tool call of a tool_calls step: known kinds in the Assistants shape, the rest as `unknown` with every field kept. */
function toolCallOf(item: OutputItem, outputs: FunctionOutputs): ToolCall | null {
  switch (item.type) {
    case 'message':
      return null;
    case 'function_call':
      return { id: item.call_id, type: 'function', function: { name: item.name, arguments: item.arguments, output: outputs.get(item.call_id) ?? null } };
    case 'file_search_call':
      return {
        id: item.id,
        type: 'file_search',
        queries: item.queries,
        file_search: {
          results: (item.results ?? []).map((result) => ({
            file_id: result.file_id ?? '',
            file_name: result.filename ?? '',
            score: result.score ?? 0,
            ...(result.text !== undefined && { content: [{ type: 'text', text: result.text }] }),
          })),
        },
      } as ToolCall;
    case 'code_interpreter_call':
      return {
        id: item.id,
        type: 'code_interpreter',
        code_interpreter: {
          input: item.code ?? '',
          // Images come as URLs here, not files: kept as an output of their own kind.
          outputs: (item.outputs ?? []).map((output) => (output.type === 'logs' ? output : { ...output, type: 'unknown', original_type: output.type })),
        },
      } as ToolCall;
    default: {
      // reasoning, web_search_call, image_generation_call, mcp_call, mcp_approval_request and any
      // later kind (already `unknown` with its `original_type`): the unknown-step view shows their JSON.
      if (item.type === 'unknown') return { ...item, id: stepIdOf(item) } as ToolCall;
      return { ...item, id: item.id, type: 'unknown', original_type: item.type } as ToolCall;
    }
  }
}

/** An item's id; a kind runlens does not model may come without one. */
function stepIdOf(item: OutputItem): string {
  return typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : '';
}

/** The step the `index`-th output item of `response` is, in run `runId`. */
export function stepFromItem(conversationId: string, runId: string, response: ResponseObject, item: OutputItem, index: number, outputs: FunctionOutputs): RunStep {
  const status = stepStatusOf(item, response);
  const call = toolCallOf(item, outputs);
  // Unique within the run even for an item without an id, and stable across polls.
  const id = stepIdOf(item) || `${response.id}:${index}`;
  return {
    id,
    object: 'thread.run.step',
    created_at: response.created_at,
    assistant_id: '',
    thread_id: conversationId,
    run_id: runId,
    type: call ? 'tool_calls' : 'message_creation',
    status,
    step_details: call ? { type: 'tool_calls', tool_calls: [call] } : { type: 'message_creation', message_creation: { message_id: id } },
    last_error: status === 'failed' && response.error ? { code: response.error.code, message: response.error.message } : null,
    expired_at: null,
    cancelled_at: null,
    failed_at: null,
    completed_at: status === 'completed' ? (response.completed_at ?? null) : null,
    metadata: null,
    usage: null,
  };
}

/** One step per output item of the chain, first response first. */
export function stepsFromChain(conversationId: string, chain: readonly ResponseObject[], outputs: FunctionOutputs): RunStep[] {
  const runId = chain[0]?.id ?? '';
  return chain.flatMap((response) => response.output.map((item, index) => stepFromItem(conversationId, runId, response, item, index, outputs)));
}

/** A `message` item as the thread message its step wrote (what `useMessage` shows for the step). */
export function messageFromItem(conversationId: string, runId: string | null, item: MessageItem, createdAt: number): Message {
  return {
    id: item.id,
    object: 'thread.message',
    created_at: createdAt,
    thread_id: conversationId,
    status: item.status === 'in_progress' || item.status === 'incomplete' ? item.status : 'completed',
    incomplete_details: null,
    completed_at: null,
    incomplete_at: null,
    role: item.role === 'user' ? 'user' : 'assistant',
    content: item.content.map((part) =>
      part.type === 'output_text' || part.type === 'input_text'
        ? { type: 'text', text: { value: part.text, annotations: [] } }
        : part.type === 'refusal'
          ? { type: 'refusal', refusal: part.refusal }
          : part,
    ) as Message['content'],
    assistant_id: null,
    run_id: runId,
    attachments: null,
    metadata: null,
  };
}
