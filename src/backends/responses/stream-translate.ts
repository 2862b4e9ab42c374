import type { AssistantStreamEvent, RunStep } from '../../api/schemas/index.js';
import type { OutputItem, ResponseObject, ResponseStreamEvent } from '../../api/schemas/responses/index.js';
import { runFromChain } from './chain-run.js';
import { messageFromItem, stepFromItem, type FunctionOutputs } from './chain-steps.js';

// Turns one response's stream (`response.*` events) into the events the query layer already
// applies for every backend (`thread.run.*`, `thread.run.step.*`, `thread.message.*`). Each event
// carries the whole object as it now stands, not a delta: the cache replaces the step or message,
// so a delta applied twice could not double text, and a resumed stream needs no merge state.

type Emitted = AssistantStreamEvent;

/** Replaces item `index` of `items` (never mutates: every snapshot emitted may sit in the cache). */
function withItem(items: readonly OutputItem[], index: number, update: (item: OutputItem) => OutputItem): OutputItem[] {
  const next = items.slice();
  const current = next[index];
  if (current) next[index] = update(current);
  return next;
}

/** Appends `delta` to the text of content part `part` of a message item. */
function appendText(item: OutputItem, part: number, delta: string): OutputItem {
  if (item.type !== 'message') return item;
  const content = item.content.slice();
  const current = content[part];
  content[part] = current && 'text' in current && typeof current.text === 'string' ? { ...current, text: current.text + delta } : { type: 'output_text', text: delta, annotations: [] };
  return { ...item, content };
}

/** Sets a string field of an item by appending (delta) or replacing (done). */
function withField(item: OutputItem, field: 'arguments' | 'code', value: string, append: boolean): OutputItem {
  const before = (item as Record<string, unknown>)[field];
  return { ...item, [field]: append && typeof before === 'string' ? before + value : value } as OutputItem;
}

/** A hosted tool's progress event (`response.file_search_call.searching`) as its item's status. */
const progressStatus = (type: string): string => type.slice(type.lastIndexOf('.') + 1);

export interface ChainTranslator {
  /** The Assistants-shaped events one `response.*` event stands for (none for those that change nothing shown). */
  apply(event: ResponseStreamEvent): Emitted[];
  /** The response as the stream has built it so far. */
  readonly response: ResponseObject | undefined;
}

/**
 * A translator for the stream of the newest response of a run whose earlier responses are
 * `previous` (empty for the run's first), in conversation `conversationId`.
 */
export function createChainTranslator(conversationId: string, previous: readonly ResponseObject[], outputs: FunctionOutputs): ChainTranslator {
  let response: ResponseObject | undefined;
  let answered = previous.length === 0;
  const runId = () => previous[0]?.id ?? response?.id ?? '';

  /** The previous round's function-call steps, now with the outputs that answered them. */
  const answeredSteps = (): Emitted[] => {
    const last = previous.at(-1);
    if (!last) return [];
    return last.output.flatMap((item, index) =>
      item.type === 'function_call' ? [{ event: 'thread.run.step.completed', data: stepFromItem(conversationId, runId(), last, item, index, outputs) } as Emitted] : [],
    );
  };
  /** `created` (a run's first response just made) is `thread.run.created`, which puts a new run in the lists. */
  const runEvents = (created = false): Emitted[] => {
    const run = runFromChain(conversationId, [...previous, response!]);
    // A response that ended stamps its items' steps (completed_at): written before the run event,
    // which ends the stream when the run ended or waits for outputs.
    const ended = response!.status !== 'queued' && response!.status !== 'in_progress';
    const events = ended ? response!.output.flatMap((_item, index) => stepEvent(index)) : [];
    events.push({ event: created && previous.length === 0 ? 'thread.run.created' : `thread.run.${run.status}`, data: run } as Emitted);
    // After the run's first event, which the query layer needs before it writes any step.
    if (!answered) {
      answered = true;
      events.push(...answeredSteps());
    }
    return events;
  };
  const stepEvent = (index: number, name?: 'created'): Emitted[] => {
    const item = response?.output[index];
    if (!response || !item) return [];
    const step: RunStep = stepFromItem(conversationId, runId(), response, item, index, outputs);
    const events = [{ event: `thread.run.step.${name ?? step.status}`, data: step } as Emitted];
    if (item.type === 'message') {
      const message = messageFromItem(conversationId, runId(), item, response.created_at);
      events.push({ event: name === 'created' ? 'thread.message.created' : `thread.message.${message.status ?? 'completed'}`, data: message } as Emitted);
    }
    return events;
  };
  const update = (index: number, change: (item: OutputItem) => OutputItem): Emitted[] => {
    if (!response) return [];
    response = { ...response, output: withItem(response.output, index, change) };
    return stepEvent(index);
  };

  return {
    get response() {
      return response;
    },
    apply(event) {
      switch (event.type) {
        case 'response.created':
        case 'response.queued':
        case 'response.in_progress':
        case 'response.completed':
        case 'response.failed':
        case 'response.incomplete':
          // A lifecycle event carries the whole response; its items are at least as far along as ours.
          response = event.response.output.length >= (response?.output.length ?? 0) ? event.response : { ...event.response, output: response!.output };
          return runEvents(event.type === 'response.created');
        case 'response.output_item.added':
        case 'response.output_item.done': {
          if (!response) return [];
          const output = response.output.slice();
          output[event.output_index] = event.item;
          response = { ...response, output };
          return stepEvent(event.output_index, event.type === 'response.output_item.added' ? 'created' : undefined);
        }
        case 'response.output_text.delta':
          return update(event.output_index, (item) => appendText(item, event.content_index, event.delta));
        case 'response.function_call_arguments.delta':
          return update(event.output_index, (item) => withField(item, 'arguments', event.delta, true));
        case 'response.function_call_arguments.done':
          return update(event.output_index, (item) => withField(item, 'arguments', event.arguments, false));
        case 'response.code_interpreter_call_code.delta':
          return update(event.output_index, (item) => withField(item, 'code', event.delta, true));
        case 'response.code_interpreter_call_code.done':
          return update(event.output_index, (item) => withField(item, 'code', event.code, false));
        case 'error':
          return [{ event: 'error', data: { message: event.message, type: 'server_error', param: event.param, code: event.code } } as Emitted];
        default:
          if ('output_index' in event && typeof event.output_index === 'number' && event.type.endsWith('_call.searching')) {
            const index = event.output_index;
            return update(index, (item) => ({ ...item, status: progressStatus(event.type) }) as OutputItem);
          }
          // Content parts, text/refusal `done`, reasoning summaries and unknown events: the
          // item's `done` (or the next lifecycle event) carries what they say.
          return [];
      }
    },
  };
}
