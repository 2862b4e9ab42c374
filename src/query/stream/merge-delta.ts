import type { Message, MessageDelta, RunStep, RunStepDelta } from '../../api/schemas/index.js';

/*
 * Merges `.delta` events into the object they belong to, the way the API builds the object that
 * GET returns afterwards:
 * - strings append (tool-call `arguments`, code_interpreter `input`, logs, message text `value`);
 * - objects merge key by key;
 * - array entries carrying `index` merge into the entry at that index (tool calls, code_interpreter
 *   outputs, message content parts, annotations); a new index starts from the entry as sent;
 * - an array whose entries carry no `index` (file_search `results`) is sent whole and replaces;
 * - `type`, `id`, `original_type` are sent whole; anything else that is not string+string,
 *   object+object or array+array replaces; the wire-only `index` keys are dropped.
 * Pure: the inputs are never changed (they may be cache data), a new object comes back.
 * Not read back through a schema: a delta's new part arrives whole, with its nullable fields as
 * `null` (`output: null` on a new function call), so the merge already equals what GET returns
 * (test/query/stream-merge.test.ts and run-stream.test.ts compare them), and the query layer
 * stays free of zod.
 */

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Sent whole, never in pieces: appending would corrupt them. */
const wholeKeys = new Set(['type', 'id', 'original_type', 'object']);

/** A deep copy without the wire-only `index` keys. */
function withoutIndexes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIndexes);
  if (!isRecord(value)) return value;
  const copy: Json = {};
  for (const [key, inner] of Object.entries(value)) if (key !== 'index') copy[key] = withoutIndexes(inner);
  return copy;
}

const hasIndex = (entry: unknown): entry is Json & { index: number } =>
  isRecord(entry) && typeof entry['index'] === 'number' && Number.isInteger(entry['index']) && entry['index'] >= 0;

function mergeArray(current: unknown[], delta: unknown[]): unknown[] {
  if (!delta.every(hasIndex)) return delta.map(withoutIndexes);
  const merged = current.slice();
  for (const entry of delta) {
    const existing = merged[entry.index];
    merged[entry.index] = isRecord(existing) ? mergeRecord(existing, entry) : withoutIndexes(entry);
  }
  return merged;
}

function mergeValue(key: string, current: unknown, delta: unknown): unknown {
  if (wholeKeys.has(key) || current === undefined || current === null) return withoutIndexes(delta);
  if (typeof current === 'string' && typeof delta === 'string') return current + delta;
  if (Array.isArray(current) && Array.isArray(delta)) return mergeArray(current, delta);
  if (isRecord(current) && isRecord(delta)) return mergeRecord(current, delta);
  return withoutIndexes(delta);
}

function mergeRecord(current: Json, delta: Json): Json {
  const merged: Json = { ...current };
  for (const [key, value] of Object.entries(delta)) {
    if (key === 'index' || value === undefined) continue;
    merged[key] = mergeValue(key, current[key], value);
  }
  return merged;
}

/** `step` with one `thread.run.step.delta` merged in. */
export function mergeRunStepDelta(step: RunStep, delta: RunStepDelta): RunStep {
  const details = delta.delta.step_details;
  if (!details) return step;
  return mergeRecord(step, { step_details: details }) as RunStep;
}

/** `message` with one `thread.message.delta` merged in. */
export function mergeMessageDelta(message: Message, delta: MessageDelta): Message {
  const { content, role } = delta.delta;
  if (content === undefined && role === undefined) return message;
  return mergeRecord(message, { content, role }) as Message;
}
