import * as z from 'zod/mini';
import { integer, openUnion } from '../common.js';

// The content of a `message` item: what the model wrote (`output_text`, `refusal`) and, in
// conversation and input-item lists, what the user sent (`input_text`). Names carry `response`
// where the Assistants schemas already use the plain one.

export const fileCitationAnnotationSchema = z.looseObject({
  type: z.literal('file_citation'),
  file_id: z.string(),
  filename: z.string(),
  /** Where in the text the citation sits. */
  index: integer,
});

export const urlCitationAnnotationSchema = z.looseObject({
  type: z.literal('url_citation'),
  url: z.string(),
  title: z.string(),
  start_index: integer,
  end_index: integer,
});

export const containerFileCitationAnnotationSchema = z.looseObject({
  type: z.literal('container_file_citation'),
  container_id: z.string(),
  file_id: z.string(),
  filename: z.string(),
  start_index: integer,
  end_index: integer,
});

export const filePathAnnotationSchema = z.looseObject({
  type: z.literal('file_path'),
  file_id: z.string(),
  index: integer,
});

/** An annotation type added later parses as `{ type: 'unknown', original_type, ... }`. */
export const responseAnnotationSchema = openUnion([
  fileCitationAnnotationSchema,
  urlCitationAnnotationSchema,
  containerFileCitationAnnotationSchema,
  filePathAnnotationSchema,
]);
export type ResponseAnnotation = z.infer<typeof responseAnnotationSchema>;

export const outputTextContentSchema = z.looseObject({
  type: z.literal('output_text'),
  text: z.string(),
  annotations: z.array(responseAnnotationSchema),
  // Required by the spec; its own examples and streamed parts leave it out.
  logprobs: z.optional(z.array(z.looseObject({ token: z.string(), logprob: z.number() }))),
});
export type OutputTextContent = z.infer<typeof outputTextContentSchema>;

export const refusalContentSchema = z.looseObject({
  type: z.literal('refusal'),
  refusal: z.string(),
});
export type RefusalContent = z.infer<typeof refusalContentSchema>;

export const inputTextContentSchema = z.looseObject({
  type: z.literal('input_text'),
  text: z.string(),
});
export type InputTextContent = z.infer<typeof inputTextContentSchema>;

/** Other kinds (`input_image`, `input_file`, ones added later) parse as `{ type: 'unknown', original_type, ... }`. */
export const responseMessageContentSchema = openUnion([outputTextContentSchema, refusalContentSchema, inputTextContentSchema]);
export type ResponseMessageContent = z.infer<typeof responseMessageContentSchema>;
