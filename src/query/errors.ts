import { RunsApiError, type RunsApiErrorInit, type RunsSchemaError } from '../api/errors.js';

/**
 * What a runlens query or mutation rejects with: the API said no (`RunsApiError`, also for
 * requests refused before sending), or its answer broke the schema (`RunsSchemaError`).
 */
export type RunsError = RunsApiError | RunsSchemaError;

const ACTIVE_RUN_MESSAGE = /already has an active run (\S+?)\.?$/;

/**
 * Creating a run was refused because the thread still has a non-terminal run. `blockingRunId`
 * is the run to wait for or cancel (see `cancelBlockingRunAndRetry` on the create hooks).
 */
export class ActiveRunError extends RunsApiError {
  override readonly name: string = 'ActiveRunError';
  readonly threadId: string;
  readonly blockingRunId: string;

  constructor(init: RunsApiErrorInit, threadId: string, blockingRunId: string) {
    super(init);
    this.threadId = threadId;
    this.blockingRunId = blockingRunId;
  }

  static override is(error: unknown): error is ActiveRunError {
    return error instanceof ActiveRunError;
  }
}

/**
 * Recognises the backend's "one active run per thread" 400 (`Thread thread_X already has an
 * active run run_Y.`) and returns it as an ActiveRunError. When the message names no run,
 * `cachedActiveRunId` (what the cache believes is active) is used; otherwise it is not one.
 */
export function toActiveRunError(
  error: unknown,
  threadId: string,
  cachedActiveRunId?: string,
): ActiveRunError | undefined {
  if (!RunsApiError.is(error) || error.status !== 400) return undefined;
  const named = ACTIVE_RUN_MESSAGE.exec(error.detail)?.[1];
  const blockingRunId = named ?? (/active run/i.test(error.detail) ? cachedActiveRunId : undefined);
  if (!blockingRunId) return undefined;
  const init: RunsApiErrorInit = {
    status: error.status,
    type: error.type,
    code: error.code,
    param: error.param,
    requestId: error.requestId,
    detail: error.detail,
    cause: error,
  };
  return new ActiveRunError(init, threadId, blockingRunId);
}

/** A request this layer refused before sending it (a double submit, missing outputs…). */
export function refusedBeforeSend(param: string, code: string, detail: string): RunsApiError {
  return new RunsApiError({
    status: null,
    type: 'invalid_request_error',
    code,
    param,
    requestId: null,
    detail: `${detail} Nothing was sent.`,
  });
}
