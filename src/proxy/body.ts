import { checkMetadata, checkToolOutputs, checkUpdateRunParams, firstProblem } from '../api/checks.js';
import type { RunsApiError } from '../api/errors.js';
import { refuse, type Refusal } from './errors.js';
import type { ProxyRoute } from './routes.js';

// Request bodies: counted while they are read (a chunked body has no Content-Length to trust),
// given a deadline (a drip-fed body ends in 408, not a held connection), JSON objects only, and
// checked with the client's own pre-request checks, so a request the API would refuse never leaves.

export type JsonObject = Record<string, unknown>;

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
}

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** Reads the body up to `maxBytes` within `timeoutMs`; the bytes, or a refusal (413, 408). */
async function readLimited(request: Request, limits: BodyLimits): Promise<Uint8Array | Refusal> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limits.maxBytes) return tooLarge(limits.maxBytes);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), limits.timeoutMs);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'timeout') {
        void reader.cancel().catch(() => undefined);
        return refuse(408, `The request body did not arrive within ${seconds(limits.timeoutMs)}.`);
      }
      if (next.done) break;
      total += next.value.byteLength;
      if (total > limits.maxBytes) {
        void reader.cancel().catch(() => undefined);
        return tooLarge(limits.maxBytes);
      }
      chunks.push(next.value);
    }
  } catch {
    return refuse(400, 'The request body could not be read.');
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Deeper JSON than any API body needs; parsing and re-serialising it recursively could exhaust the stack. */
const MAX_JSON_DEPTH = 100;

/** The deepest nesting of objects and arrays in JSON text (brackets inside strings do not count). */
function nestingOf(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

const tooLarge = (maxBytes: number): Refusal => refuse(413, `The request body is larger than ${maxBytes} bytes.`);

/**
 * The body as a JSON object (undefined when empty and the route allows that), or a refusal: 413
 * too large, 408 too slow, 415 not JSON, 400 unparsable or not an object.
 */
export async function readJsonBody(request: Request, route: ProxyRoute, limits: BodyLimits): Promise<JsonObject | undefined | Refusal> {
  if (route.body === 'none') {
    if (request.body) void request.body.cancel().catch(() => undefined);
    return undefined;
  }
  const bytes = await readLimited(request, limits);
  if (!(bytes instanceof Uint8Array)) return bytes;
  if (bytes.byteLength === 0) {
    return route.body === 'optional' ? undefined : refuse(400, 'This request needs a JSON body.', { param: 'body' });
  }
  const contentType = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'application/json') return refuse(415, 'The request body must be JSON, sent with Content-Type: application/json.');
  let parsed: unknown;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (nestingOf(text) > MAX_JSON_DEPTH) return refuse(400, `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`, { param: 'body' });
    parsed = JSON.parse(text);
  } catch {
    return refuse(400, 'The request body is not valid JSON.', { param: 'body' });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return refuse(400, 'The request body must be a JSON object.', { param: 'body' });
  }
  return parsed as JsonObject;
}

const messagesMetadata = (messages: unknown, at: string): (RunsApiError | null)[] =>
  Array.isArray(messages) ? messages.map((message, i) => checkMetadata((message as JsonObject | null)?.metadata, `${at}[${i}].metadata`)) : [];

/** The client's pre-request checks, by operation: what the API would refuse is refused here. */
function problemOf(operation: string, body: JsonObject): RunsApiError | null {
  const thread = body.thread as JsonObject | undefined;
  switch (operation) {
    case 'createRun':
      return firstProblem(checkMetadata(body.metadata), ...messagesMetadata(body.additional_messages, 'additional_messages'));
    case 'createThreadRun':
      return firstProblem(
        checkMetadata(body.metadata),
        checkMetadata(thread?.metadata, 'thread.metadata'),
        ...messagesMetadata(thread?.messages, 'thread.messages'),
      );
    case 'updateRun':
      return checkUpdateRunParams(body);
    case 'submitToolOutputs':
      return checkToolOutputs(body.tool_outputs);
    case 'createResponse':
    case 'createConversation':
    case 'updateConversation':
      return checkMetadata(body.metadata);
    default:
      return null;
  }
}

/** A refusal (400 with `param`) when the body breaks the limits the client itself checks. */
export function checkBody(operation: string, body: JsonObject | undefined): Refusal | null {
  const problem = problemOf(operation, body ?? {});
  if (!problem) return null;
  // The checks speak to a client ("Nothing was sent."), which holds here too: the proxy sent nothing.
  return refuse(400, problem.detail, { param: problem.param, code: problem.code });
}
