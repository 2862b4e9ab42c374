import { RunsApiError, RunsSchemaError, toRunsError } from './errors.js';
import { assistantStreamEventSchema, type AssistantStreamEvent } from './schemas/index.js';

// The stream side of the SDK boundary, free of SDK calls: checking each event, and telling what
// an SDK stream threw apart (the backend's `error` event, a cut connection, an abort).

/** Checks one `{ event, data }` item the SDK yielded; a non-conforming event is a RunsSchemaError. */
export function checkStreamEvent(operation: string, item: unknown): AssistantStreamEvent {
  const result = assistantStreamEventSchema.safeParse(item);
  if (!result.success) throw new RunsSchemaError(operation, result.error.issues, item);
  return result.data;
}

/** An object that can be iterated with `for await`, such as the SDK's `Stream`. */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const stringOr = <T>(value: unknown, fallback: T): string | T => (typeof value === 'string' ? value : fallback);

/**
 * The SDK throws the backend's SSE `error` event as a bare `APIError` without a status (openai 7
 * keeps the error object in `.error`, openai 6 only its message). Turned back into the event, so
 * every backend reports it the same way.
 */
export function sdkErrorEvent(error: unknown): Extract<AssistantStreamEvent, { event: 'error' }> | null {
  if (!(error instanceof Error) || error.constructor.name !== 'APIError') return null;
  const { status, error: body } = error as Error & { status?: unknown; error?: unknown };
  if (status !== undefined) return null;
  const fields = isRecord(body) ? body : {};
  return {
    event: 'error',
    data: {
      message: stringOr(fields['message'], error.message),
      type: stringOr(fields['type'], 'server_error'),
      param: stringOr(fields['param'], null),
      code: stringOr(fields['code'], null),
    },
  };
}

/**
 * What a stream that failed after it opened rejects with: an abort stays an `AbortError`; bad
 * JSON is a RunsSchemaError; anything else (the connection was cut) a RunsApiError with status
 * null and type `connection_error`.
 */
export function streamFailure(operation: string, error: unknown, signal: AbortSignal | undefined): Error {
  const mapped = toRunsError(error, signal);
  if (RunsApiError.is(mapped) || RunsSchemaError.is(mapped) || mapped.name === 'AbortError') return mapped;
  if (mapped instanceof SyntaxError) {
    return new RunsSchemaError(operation, [{ code: 'custom', path: [], message: mapped.message, input: undefined }], null);
  }
  return RunsApiError.connection(`The event stream was cut off: ${mapped.message}`, { cause: error });
}
