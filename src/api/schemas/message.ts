import * as z from 'zod/mini';
import { integer, metadataSchema, nonNegativeInteger, nullable, openEnum, openUnion, unixSeconds } from './common.js';

// Enough of the message to show what a `message_creation` step wrote.

const imageDetail = openEnum<'auto' | 'low' | 'high'>();
const role = openEnum<'user' | 'assistant'>();

export const annotationSchema = openUnion([
  z.looseObject({
    type: z.literal('file_citation'),
    text: z.string(),
    file_citation: z.looseObject({ file_id: z.string() }),
    start_index: integer,
    end_index: integer,
  }),
  z.looseObject({
    type: z.literal('file_path'),
    text: z.string(),
    file_path: z.looseObject({ file_id: z.string() }),
    start_index: integer,
    end_index: integer,
  }),
]);
export type Annotation = z.infer<typeof annotationSchema>;

export const imageFileContentSchema = z.looseObject({
  type: z.literal('image_file'),
  image_file: z.looseObject({ file_id: z.string(), detail: z.optional(imageDetail) }),
});

export const imageUrlContentSchema = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string(), detail: z.optional(imageDetail) }),
});

export const messageContentSchema = openUnion([
  z.looseObject({
    type: z.literal('text'),
    text: z.looseObject({ value: z.string(), annotations: z.array(annotationSchema) }),
  }),
  imageFileContentSchema,
  imageUrlContentSchema,
  z.looseObject({ type: z.literal('refusal'), refusal: z.string() }),
]);
export type MessageContent = z.infer<typeof messageContentSchema>;

export const messageSchema = z.looseObject({
  id: z.string(),
  object: z.literal('thread.message'),
  created_at: unixSeconds,
  thread_id: z.string(),
  // Required in the spec, yet every list/retrieve example leaves it out; display-only here.
  status: z.optional(openEnum<'in_progress' | 'incomplete' | 'completed'>()),
  incomplete_details: nullable(
    z.looseObject({
      reason: openEnum<'content_filter' | 'max_tokens' | 'run_cancelled' | 'run_expired' | 'run_failed'>(),
    }),
  ),
  completed_at: nullable(unixSeconds),
  incomplete_at: nullable(unixSeconds),
  role,
  content: z.array(messageContentSchema),
  assistant_id: nullable(z.string()),
  run_id: nullable(z.string()),
  attachments: nullable(z.array(z.looseObject({ file_id: z.optional(z.string()) }))),
  metadata: nullable(metadataSchema),
});
export type Message = z.infer<typeof messageSchema>;

const index = nonNegativeInteger;

export const messageContentDeltaSchema = openUnion(
  [
    z.looseObject({
      index,
      type: z.literal('text'),
      text: z.optional(
        z.looseObject({
          value: z.optional(z.string()),
          // Annotation deltas are partial; kept loose for whoever merges them by `index`.
          annotations: z.optional(z.array(z.looseObject({ index, type: z.string() }))),
        }),
      ),
    }),
    z.looseObject({
      index,
      type: z.literal('image_file'),
      image_file: z.optional(z.looseObject({ file_id: z.optional(z.string()), detail: z.optional(imageDetail) })),
    }),
    z.looseObject({
      index,
      type: z.literal('image_url'),
      image_url: z.optional(z.looseObject({ url: z.optional(z.string()), detail: z.optional(imageDetail) })),
    }),
    z.looseObject({ index, type: z.literal('refusal'), refusal: z.optional(z.string()) }),
  ],
  { index },
);

/** The `data` of a `thread.message.delta` event. */
export const messageDeltaSchema = z.looseObject({
  id: z.string(),
  object: z.literal('thread.message.delta'),
  delta: z.looseObject({
    role: z.optional(role),
    content: z.optional(z.array(messageContentDeltaSchema)),
  }),
});
export type MessageDelta = z.infer<typeof messageDeltaSchema>;

/** The `data` of a `thread.created` event. */
export const threadSchema = z.looseObject({
  id: z.string(),
  object: z.literal('thread'),
  created_at: unixSeconds,
  metadata: nullable(metadataSchema),
  tool_resources: nullable(z.looseObject({})),
});
export type Thread = z.infer<typeof threadSchema>;
