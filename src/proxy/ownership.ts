import { refuse, type Refusal } from './errors.js';
import type { JsonObject } from './body.js';
import type { TargetArea } from './path.js';
import type { OwnedKind, ProxyStore } from './store/types.js';

// Which threads, conversations and responses a request names (in its path or its body), whether
// the signed-in user owns them, and which resource an answer creates (so its owner is recorded).

export interface OwnedRef {
  kind: OwnedKind;
  id: string;
}


/** `conversation` in a create-response body: an id, or `{ id }`. */
function conversationIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as JsonObject).id === 'string') return (value as JsonObject).id as string;
  return undefined;
}

/** Every owned resource the request names. In the run index a run id is its first response's id. */
export function namedResources(area: TargetArea, params: Readonly<Record<string, string>>, body: JsonObject | undefined): OwnedRef[] {
  const refs: OwnedRef[] = [];
  const add = (kind: OwnedKind, id: unknown): void => {
    if (typeof id === 'string' && id !== '') refs.push({ kind, id });
  };
  add('thread', params.thread_id);
  add('conversation', params.conversation_id);
  add('response', params.response_id);
  if (area === 'run-index') {
    add('response', params.run_id);
    add('response', body?.runId);
    add('response', body?.responseId);
    add('conversation', body?.conversationId);
  } else {
    add('conversation', conversationIdOf(body?.conversation));
    add('response', body?.previous_response_id);
  }
  return refs;
}

/** The first resource `user` does not own, as a 403; null when all are theirs. */
export async function checkOwnership(store: ProxyStore, user: string, refs: readonly OwnedRef[]): Promise<Refusal | null> {
  for (const { kind, id } of refs) {
    const owner = await store.ownerOf(kind, id);
    if (owner === user) continue;
    // The id is not repeated: an answer carries no id of another user's, not even one the client sent.
    const message = owner === undefined ? `This request names a ${kind} that was not created through this proxy.` : `This request names a ${kind} that belongs to another user.`;
    return refuse(403, message, { code: 'forbidden' });
  }
  return null;
}

/** The kind of resource an operation creates, if any. */
export function createdKindOf(operation: string): OwnedKind | null {
  if (operation === 'createThreadRun') return 'thread';
  if (operation === 'createConversation') return 'conversation';
  if (operation === 'createResponse') return 'response';
  return null;
}

/** The created resource's id in a JSON answer (a run's `thread_id`, else the object's `id`). */
export function createdIdInJson(kind: OwnedKind, answer: unknown): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined;
  const value = kind === 'thread' ? (answer as JsonObject).thread_id : (answer as JsonObject).id;
  return typeof value === 'string' ? value : undefined;
}

/** The created resource's id in one SSE event: `response.created`, `thread.created` or `thread.run.created`. */
export function createdIdInEvent(kind: OwnedKind, event: string | undefined, data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as JsonObject;
  if (kind === 'response') {
    const type = event ?? record.type;
    const response = record.response as JsonObject | undefined;
    return type === 'response.created' && typeof response?.id === 'string' ? response.id : undefined;
  }
  if (kind === 'thread') {
    if (event === 'thread.created' && typeof record.id === 'string') return record.id;
    if (event === 'thread.run.created' && typeof record.thread_id === 'string') return record.thread_id;
  }
  return undefined;
}

/**
 * An `item_reference` (`{ type: 'item_reference', id }`, or `{ id }` with no type) pulls in an item
 * by id from anywhere in the key's project; the proxy records no owner for items, so it cannot tell
 * whose it is and refuses it (400, `param` naming it). runlens itself never sends one.
 */
export function checkItemReferences(operation: string, body: JsonObject | undefined): Refusal | null {
  const field = operation === 'createResponse' ? 'input' : operation === 'createConversation' || operation === 'createConversationItems' ? 'items' : null;
  const list = field ? body?.[field] : undefined;
  if (!field || !Array.isArray(list)) return null;
  const at = list.findIndex((item: unknown) => {
    if (typeof item !== 'object' || item === null) return false;
    const { type, id } = item as JsonObject;
    return type === 'item_reference' || ((type === undefined || type === null) && id !== undefined);
  });
  if (at === -1) return null;
  return refuse(400, `${field}[${at}] is an item reference; this proxy cannot tell whose item it names, so it does not forward references.`, { param: `${field}[${at}]` });
}
