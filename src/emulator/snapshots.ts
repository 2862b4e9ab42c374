import { cloneJson } from './clone.js';
import type { StreamEvent } from './types.js';

// The event log keeps each object as it was when the event was logged. Deep-copying it at every
// event cost ~30 000 copies to catch up a 10 000-step run. Instead a logged event points at the
// live object until that object is about to change; only then is the logged state copied, once for
// every event still pointing at it, and only its top level (see `beforeChange`).

/** Events whose `data` is still the live object (unchanged since they were logged). */
const pointingAt = new WeakMap<object, StreamEvent[]>();
/** Live objects whose nested values are shared with a top-level snapshot in the log. */
const sharingNested = new WeakSet<object>();

/** Logs `event` with the live `object` as its data, copied later only if the object changes. */
export function logLive(log: StreamEvent[], event: string, object: object): void {
  const entry: StreamEvent = { event, data: object };
  log.push(entry);
  const entries = pointingAt.get(object);
  if (entries) entries.push(entry);
  else pointingAt.set(object, [entry]);
}

/**
 * Call before changing a logged run, step or message. `deep`: something nested inside it is changed
 * in place (a delta, a tool output), not only top-level fields replaced — then its nested values are
 * first swapped for copies (copy-on-write), so snapshots sharing them keep the old ones.
 */
export function beforeChange(object: object, deep: boolean): void {
  const live = object as Record<string, unknown>;
  const entries = pointingAt.get(live);
  if (entries) {
    pointingAt.delete(live);
    const snapshot = { ...live };
    for (const entry of entries) entry.data = snapshot;
    sharingNested.add(live);
  }
  if (!deep || !sharingNested.has(live)) return;
  sharingNested.delete(live);
  for (const key of Object.keys(live)) {
    const value = live[key];
    if (value !== null && typeof value === 'object') live[key] = cloneJson(value);
  }
}
