// Applies the stream's delta payloads to the stored objects, with the same rules the SDK's
// AssistantStream uses to accumulate them: strings append, objects merge, array entries merge by
// `index`. Doing it this way keeps "GET at time t" equal to "the stream's snapshot at time t".

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy without the wire-only `index` keys that array deltas carry. */
function withoutIndexes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIndexes);
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [key, inner] of Object.entries(value)) if (key !== 'index') out[key] = withoutIndexes(inner);
  return out;
}

function mergeArray(target: unknown[], delta: unknown[]): void {
  for (const entry of delta) {
    if (!isRecord(entry) || typeof entry.index !== 'number') continue;
    const current = target[entry.index];
    if (isRecord(current)) mergeRecord(current, entry);
    else target[entry.index] = withoutIndexes(entry);
  }
}

function mergeRecord(target: Json, delta: Json): void {
  for (const [key, value] of Object.entries(delta)) {
    if (key === 'index') continue;
    const current = target[key];
    // `type` and `id` are sent whole, never in pieces.
    if (key === 'type' || key === 'id' || current === undefined || current === null) target[key] = withoutIndexes(value);
    else if (typeof current === 'string' && typeof value === 'string') target[key] = current + value;
    else if (Array.isArray(current) && Array.isArray(value)) mergeArray(current, value);
    else if (isRecord(current) && isRecord(value)) mergeRecord(current, value);
    else target[key] = withoutIndexes(value);
  }
}

/** Merges a `thread.run.step.delta` / `thread.message.delta` payload's `delta` into the object. */
export function applyDelta(target: object, delta: object): void {
  mergeRecord(target as Json, delta as Json);
}
