import { EmulatorError, invalidJson, serverError } from './errors.js';
import { pollAfterMs } from './lifecycle.js';
import type { RunRecord } from './store.js';
import { isRecord, type Json } from './validate.js';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

/** A run, with `openai-poll-after-ms` while it is not terminal. */
export function runJson(record: RunRecord, now: number, speed: number): Response {
  const hint = pollAfterMs(record, now, speed);
  return json(record.object, 200, hint === null ? {} : { 'openai-poll-after-ms': String(hint) });
}

export function errorJson(error: unknown): Response {
  if (error instanceof EmulatorError) return json(error.toBody(), error.status);
  // A bug in the emulator: say so in the API's shape, and keep the stack for whoever runs it.
  console.error('[runlens-emulator] unexpected error', error);
  const failure = serverError();
  return json(failure.toBody(), failure.status);
}

/** The JSON object body; empty means `{}` (cancel and friends send none). */
export async function readJsonBody(request: Request): Promise<Json> {
  const text = await request.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidJson();
  }
  if (!isRecord(body)) throw invalidJson();
  return body;
}
