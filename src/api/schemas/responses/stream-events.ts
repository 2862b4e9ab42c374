import * as z from 'zod/mini';
import { integer, nullable, openUnion } from '../common.js';
import { responseAnnotationSchema, responseMessageContentSchema } from './message-content.js';
import { outputItemSchema } from './output-items.js';
import { responseSchema } from './response.js';
import {
  CONTENT_PART_EVENT_TYPES,
  OUTPUT_ITEM_EVENT_TYPES,
  REASONING_SUMMARY_PART_EVENT_TYPES,
  RESPONSE_LIFECYCLE_EVENT_TYPES,
  TOOL_CALL_PROGRESS_EVENT_TYPES,
} from './stream-event-names.js';

export * from './stream-event-names.js';

// The SSE events of a streamed response (spec: `ResponseStreamEvent`). Unlike the Assistants
// stream, each event's `type` sits in its JSON, and every event carries `sequence_number`: the
// point to resume from (`GET /responses/{id}?stream=true&starting_after=N`).

const sequenceNumber = integer;

/** Where a delta lands: the output item (by id and position) and, for content, the part. */
const itemPosition = { item_id: z.string(), output_index: integer, sequence_number: sequenceNumber };
const contentPosition = { ...itemPosition, content_index: integer };

const knownEventVariants = [
  z.looseObject({ type: z.literal(RESPONSE_LIFECYCLE_EVENT_TYPES), response: responseSchema, sequence_number: sequenceNumber }),
  z.looseObject({
    type: z.literal(OUTPUT_ITEM_EVENT_TYPES),
    output_index: integer,
    item: outputItemSchema,
    sequence_number: sequenceNumber,
  }),
  z.looseObject({ type: z.literal(CONTENT_PART_EVENT_TYPES), ...contentPosition, part: responseMessageContentSchema }),
  z.looseObject({ type: z.literal('response.output_text.delta'), ...contentPosition, delta: z.string() }),
  z.looseObject({ type: z.literal('response.output_text.done'), ...contentPosition, text: z.string() }),
  z.looseObject({
    type: z.literal('response.output_text.annotation.added'),
    ...contentPosition,
    annotation_index: integer,
    annotation: nullable(responseAnnotationSchema),
  }),
  z.looseObject({ type: z.literal('response.refusal.delta'), ...contentPosition, delta: z.string() }),
  z.looseObject({ type: z.literal('response.refusal.done'), ...contentPosition, refusal: z.string() }),
  z.looseObject({ type: z.literal('response.function_call_arguments.delta'), ...itemPosition, delta: z.string() }),
  z.looseObject({
    type: z.literal('response.function_call_arguments.done'),
    ...itemPosition,
    arguments: z.string(),
    name: z.optional(z.string()),
  }),
  z.looseObject({
    type: z.literal(REASONING_SUMMARY_PART_EVENT_TYPES),
    ...itemPosition,
    summary_index: integer,
    part: z.looseObject({ type: z.string(), text: z.string() }),
  }),
  z.looseObject({ type: z.literal('response.reasoning_summary_text.delta'), ...itemPosition, summary_index: integer, delta: z.string() }),
  z.looseObject({ type: z.literal('response.reasoning_summary_text.done'), ...itemPosition, summary_index: integer, text: z.string() }),
  z.looseObject({ type: z.literal('response.code_interpreter_call_code.delta'), ...itemPosition, delta: z.string() }),
  z.looseObject({ type: z.literal('response.code_interpreter_call_code.done'), ...itemPosition, code: z.string() }),
  z.looseObject({ type: z.literal(TOOL_CALL_PROGRESS_EVENT_TYPES), ...itemPosition }),
  /** The stream failed; the response itself may still be running (a background one can be resumed). */
  z.looseObject({
    type: z.literal('error'),
    code: nullable(z.string()),
    message: z.string(),
    param: nullable(z.string()),
    sequence_number: sequenceNumber,
  }),
] as const;

/**
 * One event of a response's stream, JSON-decoded. An event type this code does not know yet parses
 * as `{ type: 'unknown', original_type, sequence_number, ... }`, so a reader can skip it and still
 * resume after it.
 */
export const responseStreamEventSchema = openUnion(knownEventVariants, { sequence_number: sequenceNumber });
export type ResponseStreamEvent = z.infer<typeof responseStreamEventSchema>;
export type UnknownResponseStreamEvent = Extract<ResponseStreamEvent, { type: 'unknown' }>;
