import { badRequest } from '../errors.js';
import { pathParam } from '../handlers/params.js';
import { json } from '../http.js';
import { paginate, parseListQuery, type ListQuery } from '../pagination.js';
import type { RequestContext } from '../router.js';
import { sseResponse } from '../sse.js';
import { invalidType } from '../validate.js';
import { createResponse, createResponseParams } from './create.js';
import { cancelResponse, responsePollAfterMs, tickResponses } from './lifecycle.js';
import { responsesOf, type ResponseRecord, type ResponsesState } from './state.js';
import { responseEventStream } from './stream.js';

/** The Responses state, brought up to the request's time (state advances on read). */
export function stateAt(context: RequestContext): ResponsesState {
  const state = responsesOf(context.engine);
  tickResponses(state, context.now);
  return state;
}

/** `limit`, `order`, `after` (these lists have no `before`; it is ignored). */
export function itemListQuery(search: URLSearchParams): ListQuery {
  const { before: _before, ...query } = parseListQuery(search);
  return query;
}

/** A response, with `openai-poll-after-ms` while a background one is not terminal. */
function responseJson(record: ResponseRecord, context: RequestContext): Response {
  const hint = responsePollAfterMs(record, context.now, context.speed);
  return json(record.object, 200, hint === null ? {} : { 'openai-poll-after-ms': String(hint) });
}

const responseOf = (context: RequestContext): ResponseRecord => stateAt(context).response(pathParam(context, 'response_id'));

export function createResponseHandler(context: RequestContext): Response {
  const state = stateAt(context);
  const params = createResponseParams(context.body, state);
  const record = createResponse(state, params, context.now);
  if (!params.stream) return responseJson(record, context);
  return sseResponse(responseEventStream({ state, record, from: 0, signal: context.request.signal }));
}

function startingAfter(search: URLSearchParams): number {
  const raw = search.get('starting_after');
  if (raw === null) return -1;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < 0) throw invalidType('starting_after', 'integer', raw);
  return value;
}

/** GET, or with `?stream=true` the background response's events again from `starting_after` + 1, then live. */
export function getResponseHandler(context: RequestContext): Response {
  const state = stateAt(context);
  const record = state.response(pathParam(context, 'response_id'));
  if (context.url.searchParams.get('stream') !== 'true') return responseJson(record, context);
  if (!record.object.background) throw badRequest('This response cannot be streamed because it was not created with background=true.', 'stream', 'invalid_request');
  const from = startingAfter(context.url.searchParams) + 1;
  return sseResponse(responseEventStream({ state, record, from, signal: context.request.signal }));
}

export function deleteResponseHandler(context: RequestContext): Response {
  const state = stateAt(context);
  const record = state.response(pathParam(context, 'response_id'));
  state.responses.delete(record.object.id);
  state.live.delete(record);
  record.pending = [];
  for (const listener of [...record.listeners]) listener();
  return json({ id: record.object.id, object: 'response', deleted: true });
}

export function cancelResponseHandler(context: RequestContext): Response {
  const state = stateAt(context);
  const record = state.response(pathParam(context, 'response_id'));
  cancelResponse(state, record);
  return responseJson(record, context);
}

export function listInputItemsHandler(context: RequestContext): Response {
  return json(paginate(responseOf(context).inputs, itemListQuery(context.url.searchParams)));
}
