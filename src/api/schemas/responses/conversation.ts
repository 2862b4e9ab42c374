import * as z from 'zod/mini';
import { listPageSchema, metadataSchema, nullable, unixSeconds } from '../common.js';
import { outputItemSchema } from './output-items.js';

// Conversations (spec: `ConversationResource`, `ConversationItemList`) and a response's input items
// (`ResponseItemList`). In the Responses backend a conversation is a thread.

export const conversationSchema = z.looseObject({
  id: z.string(),
  object: z.literal('conversation'),
  created_at: unixSeconds,
  /** Unlike a response's, it can be changed (`POST /conversations/{id}`). */
  metadata: nullable(metadataSchema),
});
export type Conversation = z.infer<typeof conversationSchema>;

/**
 * A page of `GET /conversations/{id}/items`. These lists page with `after` only (no `before`), and
 * their items carry no response id.
 */
export const conversationItemListSchema = listPageSchema(outputItemSchema);
export type ConversationItemList = z.infer<typeof conversationItemListSchema>;

/** A page of `GET /responses/{id}/input_items`; `after` only, as above. */
export const responseItemListSchema = listPageSchema(outputItemSchema);
export type ResponseItemList = z.infer<typeof responseItemListSchema>;
