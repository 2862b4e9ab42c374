import { json } from '../http.js';
import { paginate, parseListQuery } from '../pagination.js';
import { messageParams } from '../request-bodies.js';
import type { Handler } from '../router.js';
import { pathParam } from './params.js';

export const listMessages: Handler = (context) => {
  const thread = context.engine.store.thread(pathParam(context, 'thread_id'));
  const query = parseListQuery(context.url.searchParams);
  const runId = context.url.searchParams.get('run_id');
  const messages = runId ? thread.messages.filter((message) => message.run_id === runId) : thread.messages;
  return json(paginate(messages, query));
};

export const createMessage: Handler = (context) => {
  const thread = context.engine.store.thread(pathParam(context, 'thread_id'));
  return json(context.engine.addMessage(thread, messageParams(context.body), context.now));
};

export const getMessage: Handler = (context) =>
  json(context.engine.store.message(pathParam(context, 'thread_id'), pathParam(context, 'message_id')));
