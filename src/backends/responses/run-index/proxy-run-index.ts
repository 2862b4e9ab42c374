import type { ListParams } from '../../../api/client.js';
import { RunsApiError } from '../../../api/errors.js';
import type { RunIdPage, RunIndex, RunRecord } from './run-index.js';
import { checkListParams, checkRecord, checkResponseId } from './run-index-checks.js';

// The browser's RunIndex when the run index lives on the server: the runlens proxy's run-index
// routes, so runs are listed across devices and proxy instances. Hand-checked JSON, no schema
// library: this ships to browsers.

export interface ProxyRunIndexOptions {
  /**
   * Where the proxy is mounted (its `basePath`): the OpenAI client's `baseURL` without `/v1`,
   * e.g. `'/api/openai'` or `'https://app.example/api/openai'`.
   */
  baseURL: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Sent with every request, e.g. the bearer token the app already has; a function is asked each time. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);

function isRunRecord(value: unknown): value is RunRecord {
  return isObject(value) && isString(value.runId) && isString(value.conversationId) && Number.isFinite(value.createdAt);
}

function isRunIdPage(value: unknown): value is RunIdPage {
  return (
    isObject(value) &&
    value.object === 'list' &&
    isStringArray(value.data) &&
    isStringOrNull(value.first_id) &&
    isStringOrNull(value.last_id) &&
    typeof value.has_more === 'boolean'
  );
}

const toRecord = ({ runId, conversationId, createdAt }: RunRecord): RunRecord => ({ runId, conversationId, createdAt });

// The same checks, and words, as the memory index: a record that cannot be valid is not sent.
// A 400 about paging is the memory index's RangeError, so callers handle every index alike.
const pagingParams = new Set(['limit', 'order', 'after', 'before']);

interface Answer {
  status: number;
  body: unknown;
  requestId: string | null;
}

function failure(what: string, answer: Answer): Error {
  const error = isObject(answer.body) && isObject(answer.body.error) ? answer.body.error : {};
  const message = isString(error.message) ? error.message : `The run index answered ${what} with HTTP ${answer.status}.`;
  const param = isString(error.param) ? error.param : null;
  if (answer.status === 400 && (pagingParams.has(param ?? '') || /^Invalid '(limit|order|after|before)'/.test(message))) {
    return new RangeError(message);
  }
  return new RunsApiError({
    status: answer.status,
    type: isString(error.type) ? error.type : null,
    code: isString(error.code) ? error.code : null,
    param,
    requestId: answer.requestId,
    detail: message,
  });
}

function unexpected(what: string, answer: Answer): Error {
  return new RunsApiError({
    status: answer.status,
    type: null,
    code: null,
    param: null,
    requestId: answer.requestId,
    detail: `The run index answered ${what} with JSON of an unexpected shape: is baseURL the runlens proxy?`,
  });
}

/**
 * A `RunIndex` over the runlens proxy's run-index routes (backend `'responses'`). It rejects as
 * the memory index does: a `RangeError` for a bad `limit`, `order` or cursor, a `TypeError` for a
 * bad record; anything else the server refuses is a `RunsApiError` with its message and status.
 * @example createResponsesRunsClient(openai, { runIndex: createProxyRunIndex({ baseURL: '/api/openai' }) })
 */
export function createProxyRunIndex(options: ProxyRunIndexOptions): RunIndex {
  const base = `${options.baseURL.replace(/\/+$/, '')}/runlens/run-index`;
  const segment = encodeURIComponent;

  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const what = `${method} ${path.split('?')[0] ?? path}`;
    const headers = new Headers(typeof options.headers === 'function' ? await options.headers() : options.headers);
    headers.set('accept', 'application/json');
    if (body !== undefined) headers.set('content-type', 'application/json');
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (cause) {
      throw RunsApiError.connection(`The run index could not be reached (${what}).`, { cause });
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, requestId: response.headers.get('x-request-id') };
  }

  /** Calls, and returns the answer's body when `status` is one of `ok`; else rejects with the server's error. */
  async function expect(method: string, path: string, ok: readonly number[], body?: unknown): Promise<Answer> {
    const answer = await call(method, path, body);
    if (!ok.includes(answer.status)) throw failure(`${method} ${path.split('?')[0]}`, answer);
    return answer;
  }

  return {
    async recordRun(run) {
      checkRecord(run);
      await expect('POST', '/runs', [200, 204], toRecord(run));
    },

    async appendResponse(runId, responseId) {
      checkResponseId(responseId);
      await expect('POST', `/runs/${segment(runId)}/responses`, [200, 204], { responseId });
    },

    async getChain(runId) {
      const answer = await expect('GET', `/runs/${segment(runId)}`, [200, 404]);
      if (answer.status === 404) return undefined;
      const { body } = answer;
      if (!isObject(body) || !isRunRecord(body.run) || !isStringArray(body.responseIds)) throw unexpected('getChain', answer);
      return body.responseIds;
    },

    async findRunByResponse(responseId) {
      const answer = await expect('GET', `/responses/${segment(responseId)}/run`, [200, 404]);
      if (answer.status === 404) return undefined;
      if (!isRunRecord(answer.body)) throw unexpected('findRunByResponse', answer);
      return toRecord(answer.body);
    },

    async listRuns(conversationId, params: ListParams = {}) {
      checkListParams(params);
      const query = new URLSearchParams();
      for (const name of ['limit', 'order', 'after', 'before'] as const) {
        if (params[name] !== undefined) query.set(name, String(params[name]));
      }
      const search = query.toString() === '' ? '' : `?${query.toString()}`;
      const answer = await expect('GET', `/conversations/${segment(conversationId)}/runs${search}`, [200]);
      if (!isRunIdPage(answer.body)) throw unexpected('listRuns', answer);
      const { data, first_id, last_id, has_more } = answer.body;
      return { object: 'list', data, first_id, last_id, has_more };
    },

    async forgetRun(runId) {
      const answer = await expect('DELETE', `/runs/${segment(runId)}`, [200]);
      if (!isObject(answer.body) || typeof answer.body.forgotten !== 'boolean') throw unexpected('forgetRun', answer);
      return answer.body.forgotten;
    },
  };
}
