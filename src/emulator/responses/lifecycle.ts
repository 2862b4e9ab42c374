import { badRequest } from '../errors.js';
import { ResponseMutator } from './mutator.js';
import type { ResponsesState, ResponseRecord } from './state.js';
import { isTerminalResponse } from './types.js';

// As for runs (../lifecycle.ts): a response is a schedule of timed transitions, applied by
// whoever touches it first once the clock has reached them (state advances on read).

/** Applies every step due by `now`, each at its own time. */
export function advanceResponse(record: ResponseRecord, now: number): void {
  const { pending } = record;
  let due = 0;
  while (due < pending.length && (pending[due]?.at ?? Infinity) <= now) due += 1;
  for (const step of pending.splice(0, due)) step.apply(new ResponseMutator(record, step.at));
}

/** Brings every response with steps still scheduled up to `now`. */
export function tickResponses(state: ResponsesState, now: number): void {
  for (const record of state.live) {
    advanceResponse(record, now);
    if (record.pending.length === 0) state.live.delete(record);
  }
}

/**
 * Cancels a background response at once: `cancelled`, open output items `incomplete`, nothing
 * more scheduled. The API sends no `response.cancelled` event; an open stream just ends.
 * Cancelling a cancelled one returns it as it is.
 */
export function cancelResponse(state: ResponsesState, record: ResponseRecord): void {
  const response = record.object;
  if (!response.background) throw badRequest('Cannot cancel a synchronous response.', null, 'invalid_request');
  if (response.status === 'cancelled') return;
  if (isTerminalResponse(response.status)) throw badRequest(`Cannot cancel a ${response.status} response.`, null, 'invalid_request');
  for (const item of response.output) if (item.status === 'in_progress') item.status = 'incomplete';
  response.status = 'cancelled';
  record.pending = [];
  state.live.delete(record);
  for (const listener of [...record.listeners]) listener();
}

const pollBoundsMs = { min: 100, max: 5_000 } as const;

/** `openai-poll-after-ms` for a non-terminal background response: wall ms to its next status change, clamped to 100–5000. */
export function responsePollAfterMs(record: ResponseRecord, now: number, speed = 1): number | null {
  if (!record.object.background || isTerminalResponse(record.object.status)) return null;
  const next = record.pending.find((step) => step.transition) ?? record.pending[0];
  if (!next) return pollBoundsMs.max;
  return Math.min(pollBoundsMs.max, Math.max(pollBoundsMs.min, Math.ceil((next.at - now) / speed)));
}
