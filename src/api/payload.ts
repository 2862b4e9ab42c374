import type * as z from 'zod/mini';
import type { ListRunStepsParams } from './client.js';
import { RunsSchemaError } from './errors.js';

// Reading what the SDK returned, free of SDK calls: the body against its schema, the poll hint,
// and list queries without undefined keys.

const POLL_AFTER_HEADER = 'openai-poll-after-ms';

export function pollAfterMs(response: Response): number | null {
  const raw = response.headers.get(POLL_AFTER_HEADER)?.trim();
  const ms = raw ? Number(raw) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

/** The list query without the keys left undefined. */
export function listQuery({ limit, order, after, before, include }: ListRunStepsParams = {}) {
  return Object.fromEntries(
    Object.entries({ limit, order, after, before, include }).filter(([, value]) => value !== undefined),
  ) as ListRunStepsParams;
}

export function parsePayload<S extends z.ZodMiniType>(operation: string, schema: S, text: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RunsSchemaError(
      operation,
      [{ code: 'custom', path: [], message: 'The body is not JSON', input: text }],
      text,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) throw new RunsSchemaError(operation, result.error.issues, json);
  return result.data;
}
