import { isSdkApiError, RunsApiError, RunsSchemaError, toRunsError } from './errors.js';
import type { AssistantStreamEvent } from './schemas/index.js';

// The stream side of the SDK boundary, free of SDK calls, for every backend: telling what an SDK
// stream threw apart (the backend's `error` event, a cut connection, an abort).

/** An object that can be iterated with `for await`, such as the SDK's `Stream`. */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const stringOr = <T>(value: unknown, fallback: T): string | T => (typeof value === 'string' ? value : fallback);

type ErrorClass = abstract new (...args: never[]) => Error;

/** The SDK's error classes, as statics of the user's `OpenAI` class (both majors have them). */
export interface SdkErrorClasses {
  APIConnectionError?: ErrorClass;
  APIUserAbortError?: ErrorClass;
}

/** Reads the error classes off an SDK instance's class: `instanceof` survives minification, class names do not. */
export function sdkErrorClassesOf(sdk: object): SdkErrorClasses {
  const owner = (sdk as { constructor?: unknown }).constructor;
  if (typeof owner !== 'function') return {};
  const { APIConnectionError, APIUserAbortError } = owner as SdkErrorClasses;
  return {
    ...(typeof APIConnectionError === 'function' && { APIConnectionError }),
    ...(typeof APIUserAbortError === 'function' && { APIUserAbortError }),
  };
}

/**
 * The SDK throws the backend's SSE `error` event as a bare `APIError` without a status (openai 7
 * keeps the error object in `.error`, openai 6 only its message). Turned back into the event, so
 * every backend reports it the same way. Told apart from the SDK's connection and abort errors
 * (also status-less `APIError`s) by `instanceof` against the user's SDK classes.
 */
export function sdkErrorEvent(error: unknown, classes: SdkErrorClasses = {}): Extract<AssistantStreamEvent, { event: 'error' }> | null {
  if (!isSdkApiError(error) || error.status !== undefined) return null;
  const { APIConnectionError, APIUserAbortError } = classes;
  if ((APIConnectionError && error instanceof APIConnectionError) || (APIUserAbortError && error instanceof APIUserAbortError)) return null;
  const body = error.error;
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
