import type { IdFactory } from '../ids.js';
import { exampleArguments, hashString } from '../scenarios/arguments.js';
import { chunkText, estimateTokens } from '../scenarios/text.js';
import { isRecord } from '../validate.js';
import { itemsText } from './items.js';
import { responseUsage, type ResponseMutator } from './mutator.js';
import type { ResponseRecord, ResponseStep } from './state.js';
import type { Item, MessageItem, OutputText } from './types.js';

/** Scenario timings, in emulator ms (as the Assistants emulator's). */
export const responseTimings = {
  /** A background response's time queued. */
  queuedMs: 500,
  /** One output item from added to done. */
  itemMs: 1_000,
  /** The `slow` scenario's message. */
  slowMs: 120_000,
} as const;

/** A cursor in emulator ms and the steps placed along it. */
export class Plan {
  readonly steps: ResponseStep[] = [];
  /** Output tokens written so far, for usage. */
  outputTokens = 0;
  reasoningTokens = 0;

  constructor(
    public cursor: number,
    readonly record: ResponseRecord,
    readonly ids: IdFactory,
  ) {}

  after(delayMs: number, apply: (m: ResponseMutator) => void, transition = false): void {
    this.cursor += delayMs;
    this.steps.push({ at: this.cursor, transition, apply });
  }

  get turn(): Item[] {
    return [...this.record.history, ...this.record.inputs];
  }

  /** The turn from the user's last message on: in a conversation, earlier runs' tool calls are not this run's. */
  get sinceUser(): Item[] {
    const turn = this.turn;
    const last = turn.findLastIndex((item) => item.type === 'message' && (item as { role?: string }).role === 'user');
    return last < 0 ? turn : turn.slice(last);
  }

  usage() {
    const input = 40 + estimateTokens(this.record.object.instructions ?? '') + Math.min(estimateTokens(itemsText(this.turn)), 8000);
    return responseUsage(input, this.outputTokens + this.reasoningTokens, this.reasoningTokens);
  }
}

export const withText = (plan: Plan, base: string): string => (plan.record.settings.text ? `${base} ${plan.record.settings.text}` : base);

/**
 * The reply as `text.format` asks: under json_schema (Structured Outputs) JSON matching the schema,
 * under json_object a JSON object holding the reply; plain text otherwise.
 */
function formatted(plan: Plan, reply: string): string {
  const format = plan.record.object.text.format;
  if (format.type === 'json_schema' && isRecord(format.schema)) return JSON.stringify(exampleArguments(format.schema, hashString(reply)));
  if (format.type === 'json_object') return JSON.stringify({ answer: reply });
  return reply;
}

/**
 * A message written in `chunks` deltas over `durationMs`. `cutAt` (0–1) stops it part way and
 * leaves it `incomplete` (fail, incomplete); the caller then finishes the response.
 */
export function messagePhase(
  plan: Plan,
  body: string,
  options: { chunks?: number; durationMs?: number; cutAt?: number; annotations?: Record<string, unknown>[] } = {},
): void {
  const prose = withText(plan, body);
  const full = formatted(plan, prose);
  // Annotations point into the prose; a JSON reply has nowhere for them to point.
  const annotations = full === prose ? (options.annotations ?? []) : [];
  const text = options.cutAt === undefined ? full : full.slice(0, Math.floor(full.length * options.cutAt));
  const pieces = chunkText(text, options.chunks ?? 6);
  const gap = Math.floor((options.durationMs ?? responseTimings.itemMs) / (pieces.length + 1));
  const id = plan.ids.next('msg_');
  let index = 0;
  const part = (m: ResponseMutator): OutputText => ((m.response.output[index] as MessageItem).content[0] as unknown as OutputText);
  plan.after(gap, (m) => {
    const item: MessageItem = { id, type: 'message', status: 'in_progress', role: 'assistant', content: [] };
    index = m.addItem(item);
    const empty: OutputText = { type: 'output_text', text: '', annotations: [], logprobs: [] };
    item.content.push(empty);
    m.emit('response.content_part.added', { item_id: id, output_index: index, content_index: 0, part: structuredClone(empty) });
  });
  for (const piece of pieces) {
    plan.after(gap, (m) => {
      part(m).text += piece;
      m.emit('response.output_text.delta', { item_id: id, output_index: index, content_index: 0, delta: piece, logprobs: [] });
    });
  }
  plan.outputTokens += estimateTokens(text);
  const cut = options.cutAt !== undefined;
  plan.after(0, (m) => {
    if (!cut) {
      for (const [annotationIndex, annotation] of annotations.entries()) {
        part(m).annotations.push(annotation);
        m.emit('response.output_text.annotation.added', { item_id: id, output_index: index, content_index: 0, annotation_index: annotationIndex, annotation });
      }
      m.emit('response.output_text.done', { item_id: id, output_index: index, content_index: 0, text, logprobs: [] });
      m.emit('response.content_part.done', { item_id: id, output_index: index, content_index: 0, part: structuredClone(part(m)) });
    }
    m.itemDone(index, cut ? 'incomplete' : 'completed');
  });
}
