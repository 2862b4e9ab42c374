/**
 * A deep copy of JSON data (plain objects, arrays, primitives), as `structuredClone` would give for
 * it but several times faster: the event log copies every object on every change, which for a
 * 10 000-step run is ~30 000 copies in one catch-up.
 */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = cloneJson((value as Record<string, unknown>)[key]);
  return out as T;
}
