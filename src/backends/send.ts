import type * as z from 'zod/mini';
import type { RequestOptions, RunsClient } from '../api/client.js';
import { RunsApiError, toRunsError } from '../api/errors.js';
import { parsePayload } from '../api/payload.js';

// One SDK call of any backend: the user's own `openai` instance, read through `.asResponse()` so
// the body is checked by runlens's schema and the headers (the poll hint) stay readable.

/**
 * What an SDK call returns (an `APIPromise`). Plain calls are read through `.asResponse()`;
 * awaiting a `stream: true` call gives the SDK's `Stream` of `{ event, data }` items.
 */
export interface SdkCall extends PromiseLike<unknown> {
  asResponse(): Promise<Response>;
}

export interface SdkOptions {
  signal?: AbortSignal | undefined;
}

/**
 * Runs the pre-request checks, then the SDK call; maps what it throws and parses what it returns.
 */
export async function send<S extends z.ZodMiniType>(
  operation: keyof RunsClient,
  schema: S,
  problem: RunsApiError | null,
  options: RequestOptions | undefined,
  call: (sdkOptions: SdkOptions) => SdkCall,
): Promise<{ data: z.output<S>; response: Response }> {
  if (problem) throw problem;
  const signal = options?.signal;
  let response: Response;
  let text: string;
  try {
    signal?.throwIfAborted();
    response = await call({ signal }).asResponse();
  } catch (error) {
    throw toRunsError(error, signal);
  }
  try {
    text = await response.text();
  } catch (error) {
    // fetch reports a connection dropped mid-body as a bare TypeError ('terminated').
    if (signal?.aborted) throw toRunsError(error, signal);
    throw RunsApiError.connection(`The connection broke while the answer was being read: ${(error as Error).message}`, { cause: error });
  }
  return { data: parsePayload(operation, schema, text), response };
}

