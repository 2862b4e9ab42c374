import { EmulatorError } from '../errors.js';
import { pathParam } from '../handlers/params.js';
import { json } from '../http.js';
import { paginate } from '../pagination.js';
import type { RequestContext } from '../router.js';
import { toSeconds } from '../timeline.js';
import { metadata, nullable, optional, required, array } from '../validate.js';
import { itemListQuery, stateAt } from './handlers.js';
import { inputItems } from './items.js';
import type { ConversationRecord } from './state.js';
import type { Item } from './types.js';

/** The API adds at most 20 items per request (create and items.create). */
const maxItemsPerRequest = 20;

const conversationOf = (context: RequestContext): ConversationRecord => stateAt(context).conversation(pathParam(context, 'conversation_id'));

function itemOf(conversation: ConversationRecord, id: string): Item {
  const item = conversation.items.find((candidate) => candidate.id === id);
  if (!item) throw new EmulatorError(404, `Item with id '${id}' not found.`);
  return item;
}

/** A list of just-added items, as items.create answers. */
const addedList = (items: Item[]) => ({ object: 'list', data: items, first_id: items[0]?.id ?? null, last_id: items.at(-1)?.id ?? null, has_more: false });

export function createConversationHandler(context: RequestContext): Response {
  const state = stateAt(context);
  const { body, now } = context;
  const meta = optional(body, 'metadata', nullable(metadata)) ?? {};
  const rawItems = optional(body, 'items', nullable(array));
  const items = rawItems ? inputItems(rawItems, 'items', state.engine.ids, maxItemsPerRequest) : [];
  const record: ConversationRecord = {
    object: { id: state.engine.ids.next('conv_'), object: 'conversation', created_at: toSeconds(now), metadata: meta },
    items,
  };
  state.conversations.set(record.object.id, record);
  return json(record.object);
}

export const getConversationHandler = (context: RequestContext): Response => json(conversationOf(context).object);

/** Only metadata can change; it is replaced as a whole, as the API does. */
export function updateConversationHandler(context: RequestContext): Response {
  const record = conversationOf(context);
  record.object.metadata = required(context.body, 'metadata', nullable(metadata)) ?? {};
  return json(record.object);
}

/** Deletes the conversation; its items go with it here (a response already created keeps its own copy). */
export function deleteConversationHandler(context: RequestContext): Response {
  const state = stateAt(context);
  const record = state.conversation(pathParam(context, 'conversation_id'));
  state.conversations.delete(record.object.id);
  return json({ id: record.object.id, object: 'conversation.deleted', deleted: true });
}

export function listConversationItemsHandler(context: RequestContext): Response {
  return json(paginate(conversationOf(context).items, itemListQuery(context.url.searchParams)));
}

export function createConversationItemsHandler(context: RequestContext): Response {
  const state = stateAt(context);
  const record = state.conversation(pathParam(context, 'conversation_id'));
  const items = inputItems(required(context.body, 'items', array), 'items', state.engine.ids, maxItemsPerRequest);
  record.items.push(...items);
  return json(addedList(items));
}

export function getConversationItemHandler(context: RequestContext): Response {
  return json(itemOf(conversationOf(context), pathParam(context, 'item_id')));
}

/** Deletes one item and answers with the conversation, as the API does. */
export function deleteConversationItemHandler(context: RequestContext): Response {
  const record = conversationOf(context);
  const item = itemOf(record, pathParam(context, 'item_id'));
  record.items.splice(record.items.indexOf(item), 1);
  return json(record.object);
}
