/** An API error, rendered as `{ "error": { message, type, param, code } }` like the real API. */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
    readonly type: string = status >= 500 ? 'server_error' : 'invalid_request_error',
  ) {
    super(message);
    this.name = 'EmulatorError';
  }

  toBody(): { error: { message: string; type: string; param: string | null; code: string | null } } {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** `kind` as the API words it in 404s: 'run', 'thread', 'assistant', 'message', 'run step'. */
export function notFound(kind: string, id: string): EmulatorError {
  return new EmulatorError(404, `No ${kind} found with id '${id}'.`);
}

export function invalidUrl(method: string, path: string): EmulatorError {
  return new EmulatorError(404, `Invalid URL (${method} ${path})`);
}

export function badRequest(message: string, param: string | null = null, code: string | null = null): EmulatorError {
  return new EmulatorError(400, message, param, code);
}

export function invalidJson(): EmulatorError {
  return badRequest(
    "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. " +
      'The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)',
  );
}

export function serverError(): EmulatorError {
  return new EmulatorError(500, 'The server had an error while processing your request. Sorry about that!');
}
