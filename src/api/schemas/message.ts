import * as z from 'zod';
import { metadataSchema, nullable, openEnum, openUnion, unixSeconds } from './common.js';

// Enough of the message to show what a `message_creation` step wrote.

const imageDetail = openEnum(['auto', 'low', 'high']);

export const annotationSchema = openUnion([
  z.looseObject({
    type: z.literal('file_citation'),
    text: z.string(),
    file_citation: z.looseObject({ file_id: z.string() }),
    start_index: z.int(),
    end_index: z.int(),
  }),
  z.looseObject({
    type: z.literal('file_path'),
    text: z.string(),
    file_path: z.looseObject({ file_id: z.string() }),
    start_index: z.int(),
    end_index: z.int(),
  }),
]);
export type Annotation = z.infer<typeof annotationSchema>;

export const imageFileContentSchema = z.looseObject({
  type: z.literal('image_file'),
  image_file: z.looseObject({ file_id: z.string(), detail: imageDetail.optional() }),
});

export const imageUrlContentSchema = z.looseObject({
  type: z.literal('image_url'),
  image_url: z.looseObject({ url: z.string(), detail: imageDetail.optional() }),
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
  status: openEnum(['in_progress', 'incomplete', 'completed']).optional(),
  incomplete_details: nullable(
    z.looseObject({ reason: openEnum(['content_filter', 'max_tokens', 'run_cancelled', 'run_expired', 'run_failed']) }),
  ),
  completed_at: nullable(unixSeconds),
  incomplete_at: nullable(unixSeconds),
  role: openEnum(['user', 'assistant']),
  content: z.array(messageContentSchema),
  assistant_id: nullable(z.string()),
  run_id: nullable(z.string()),
  attachments: nullable(z.array(z.looseObject({ file_id: z.string().optional() }))),
  metadata: nullable(metadataSchema),
});
export type Message = z.infer<typeof messageSchema>;

const index = z.int().nonnegative();

export const messageContentDeltaSchema = openUnion(
  [
    z.looseObject({
      index,
      type: z.literal('text'),
      text: z
        .looseObject({
          value: z.string().optional(),
          // Annotation deltas are partial; kept loose for whoever merges them by `index`.
          annotations: z.array(z.looseObject({ index, type: z.string() })).optional(),
        })
        .optional(),
    }),
    z.looseObject({
      index,
      type: z.literal('image_file'),
      image_file: z.looseObject({ file_id: z.string().optional(), detail: imageDetail.optional() }).optional(),
    }),
    z.looseObject({
      index,
      type: z.literal('image_url'),
      image_url: z.looseObject({ url: z.string().optional(), detail: imageDetail.optional() }).optional(),
    }),
    z.looseObject({ index, type: z.literal('refusal'), refusal: z.string().optional() }),
  ],
  { index },
);

/** The `data` of a `thread.message.delta` event. */
export const messageDeltaSchema = z.looseObject({
  id: z.string(),
  object: z.literal('thread.message.delta'),
  delta: z.looseObject({
    role: openEnum(['user', 'assistant']).optional(),
    content: z.array(messageContentDeltaSchema).optional(),
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
