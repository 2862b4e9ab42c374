import { toSeconds } from '../timeline.js';
import type { ResponseRecord } from './state.js';
import type { Item, ResponseObject, ResponseUsage, TerminalResponseStatus } from './types.js';

const clone = <T>(value: T): T => structuredClone(value);

/**
 * Changes a response at one moment of emulator time and logs each change as the stream event the
 * API sends, numbered by `sequence_number`. Events carry copies, so the log keeps the object as it
 * was then (what GET returned at that moment).
 */
export class ResponseMutator {
  constructor(
    readonly record: ResponseRecord,
    readonly at: number,
  ) {}

  get response(): ResponseObject {
    return this.record.object;
  }

  emit(type: string, fields: Record<string, unknown>): void {
    const { log } = this.record;
    log.push({ type, ...fields, sequence_number: log.length });
    for (const listener of [...this.record.listeners]) listener();
  }

  /** `response.created`, `.queued`, `.in_progress`, … with the whole response. */
  announce(type: string): void {
    this.emit(`response.${type}`, { response: clone(this.response) });
  }

  setStatus(status: 'queued' | 'in_progress'): void {
    this.response.status = status;
    this.announce(status);
  }

  /** Appends an output item and logs `response.output_item.added`; returns its output_index. */
  addItem(item: Item): number {
    this.response.output.push(item);
    const index = this.response.output.length - 1;
    this.emit('response.output_item.added', { output_index: index, item: clone(item) });
    return index;
  }

  itemDone(index: number, status: 'completed' | 'incomplete' = 'completed'): void {
    const item = this.response.output[index];
    if (!item) return;
    item.status = status;
    this.emit('response.output_item.done', { output_index: index, item: clone(item) });
  }

  /**
   * A terminal status: `completed_at` only when completed, usage counted, and the turn's output
   * added to its conversation (failed and cancelled turns add none).
   */
  finish(status: Exclude<TerminalResponseStatus, 'cancelled'>, usage: ResponseUsage, patch: Partial<ResponseObject> = {}): void {
    Object.assign(this.response, patch, { status, usage });
    if (status === 'completed') this.response.completed_at = toSeconds(this.at);
    if (status !== 'failed') this.record.conversation?.items.push(...this.response.output);
    this.announce(status);
  }
}

export function responseUsage(inputTokens: number, outputTokens: number, reasoningTokens = 0): ResponseUsage {
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: reasoningTokens },
    total_tokens: inputTokens + outputTokens,
  };
}
