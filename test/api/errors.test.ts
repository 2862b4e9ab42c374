import * as openai7 from 'openai';
import * as openai6 from 'openai6';
import { describe, expect, it } from 'vitest';
import { RunsApiError, RunsSchemaError, toRunsError } from '../../src/core';

// The SDKs' own error classes, built the way the SDK builds them from a response (not mocks).
const sdks = [
  { name: 'openai 7', errors: openai7 },
  { name: 'openai 6', errors: openai6 },
] as const;

function headers(requestId: string): Headers {
  return new Headers({ 'x-request-id': requestId });
}

describe.each(sdks)('toRunsError ($name)', ({ errors }) => {
  it('an HTTP error keeps status, type, code, param and request id', () => {
    const body = {
      error: {
        message: "Cannot cancel run with status 'completed'.",
        type: 'invalid_request_error',
        param: 'run_id',
        code: null,
      },
    };
    const sdkError = errors.APIError.generate(400, body, undefined, headers('req_123'));
    const error = toRunsError(sdkError);
    expect(error).toBeInstanceOf(RunsApiError);
    expect(error).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: null,
      param: 'run_id',
      requestId: 'req_123',
      detail: "Cannot cancel run with status 'completed'.",
      cause: sdkError,
    });
    expect(error.message).toBe(
      "Cannot cancel run with status 'completed'. (400 invalid_request_error, param: run_id, request req_123)",
    );
  });

  it('an error body the SDK could not read still gives status and a message', () => {
    const error = toRunsError(errors.APIError.generate(502, undefined, undefined, headers('req_9')));
    expect(error).toMatchObject({ status: 502, type: null, requestId: 'req_9', detail: 'status code (no body)' });
    expect(error.message).toBe('status code (no body) (502, request req_9)');
  });

  it('a connection failure has status null and says what failed', () => {
    const cause = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    const error = toRunsError(new errors.APIConnectionError({ cause }));
    expect(error).toMatchObject({ status: null, type: 'connection_error', code: null, requestId: null });
    expect(error.message).toBe(
      'Could not reach the runs backend: Connection error. ← fetch failed ← connect ECONNREFUSED 127.0.0.1:9 (connection_error)',
    );
    expect(toRunsError(new errors.APIConnectionTimeoutError())).toMatchObject({ code: 'timeout' });
  });

  it("the SDK's abort becomes a DOMException named AbortError", () => {
    const error = toRunsError(new errors.APIUserAbortError());
    expect(error).toBeInstanceOf(DOMException);
    expect(error.name).toBe('AbortError');
  });
});

describe('toRunsError', () => {
  it('an aborted signal wins over whatever was thrown', () => {
    const controller = new AbortController();
    controller.abort();
    expect(toRunsError(new TypeError('terminated'), controller.signal).name).toBe('AbortError');
    expect(toRunsError(new DOMException('x', 'AbortError')).name).toBe('AbortError');
  });

  it('leaves its own errors and unrelated errors alone', () => {
    const own = RunsApiError.beforeSend('limit', 'limit must be 1–100.');
    expect(toRunsError(own)).toBe(own);
    const bug = new RangeError('bug');
    expect(toRunsError(bug)).toBe(bug);
    expect(toRunsError('text')).toEqual(new Error('text'));
  });
});

describe('RunsApiError', () => {
  it('is() recognises one from another copy of the package', () => {
    const own = RunsApiError.beforeSend('metadata', 'Too many keys.');
    expect(RunsApiError.is(own)).toBe(true);
    expect(RunsApiError.is({ ...own, [Symbol.for('runlens.RunsApiError')]: true })).toBe(true);
    expect(RunsApiError.is(new Error('x'))).toBe(false);
    expect(RunsApiError.is(null)).toBe(false);
  });

  it('a check before sending says so', () => {
    const error = RunsApiError.beforeSend('limit', 'limit must be an integer from 1 to 100; got 101.');
    expect(error.message).toBe(
      'limit must be an integer from 1 to 100; got 101. Nothing was sent. (invalid_request_error, param: limit)',
    );
  });
});

describe('RunsSchemaError', () => {
  it('names the operation, each path and the value found there', () => {
    const error = new RunsSchemaError(
      'getRun',
      [
        {
          code: 'invalid_type',
          expected: 'string',
          path: ['status'],
          message: 'Invalid input: expected string, received number',
          input: 7,
        },
      ],
      { status: 7 },
    );
    expect(error.message).toBe(
      'getRun: the response does not match the runs API schema.\n  - status: expected string, received number; got 7',
    );
    expect(RunsSchemaError.is(error)).toBe(true);
    expect(RunsApiError.is(error)).toBe(false);
  });

  it('cuts long values short', () => {
    const error = new RunsSchemaError(
      'listRuns',
      [{ code: 'custom', path: [], message: 'The body is not JSON' }],
      'x'.repeat(500),
    );
    expect(error.message).toMatch(/\(root\): The body is not JSON; got "x{78}…$/);
  });
});
