import type { Route } from '../router.js';
import {
  createConversationHandler, createConversationItemsHandler, deleteConversationHandler, deleteConversationItemHandler,
  getConversationHandler, getConversationItemHandler, listConversationItemsHandler, updateConversationHandler,
} from './conversations.js';
import {
  cancelResponseHandler, createResponseHandler, deleteResponseHandler, getResponseHandler, listInputItemsHandler,
} from './handlers.js';

/** The Responses and Conversations routes, below `/v1`. They need no `OpenAI-Beta` header. */
export const responsesRoutes: readonly Route[] = [
  { method: 'POST', pattern: '/responses', handler: createResponseHandler },
  { method: 'GET', pattern: '/responses/:response_id', handler: getResponseHandler },
  { method: 'DELETE', pattern: '/responses/:response_id', handler: deleteResponseHandler },
  { method: 'POST', pattern: '/responses/:response_id/cancel', handler: cancelResponseHandler },
  { method: 'GET', pattern: '/responses/:response_id/input_items', handler: listInputItemsHandler },
  { method: 'POST', pattern: '/conversations', handler: createConversationHandler },
  { method: 'GET', pattern: '/conversations/:conversation_id', handler: getConversationHandler },
  { method: 'POST', pattern: '/conversations/:conversation_id', handler: updateConversationHandler },
  { method: 'DELETE', pattern: '/conversations/:conversation_id', handler: deleteConversationHandler },
  { method: 'GET', pattern: '/conversations/:conversation_id/items', handler: listConversationItemsHandler },
  { method: 'POST', pattern: '/conversations/:conversation_id/items', handler: createConversationItemsHandler },
  { method: 'GET', pattern: '/conversations/:conversation_id/items/:item_id', handler: getConversationItemHandler },
  { method: 'DELETE', pattern: '/conversations/:conversation_id/items/:item_id', handler: deleteConversationItemHandler },
];

const responsesRouteSet = new Set<Route>(responsesRoutes);

/** Whether a route belongs to the Responses API (so the Assistants `OpenAI-Beta` check does not apply). */
export const isResponsesRoute = (route: Route): boolean => responsesRouteSet.has(route);
