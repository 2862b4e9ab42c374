import * as z from 'zod/mini';
import { integer, metadataSchema, openEnum } from './common.js';
import { imageFileContentSchema, imageUrlContentSchema } from './message.js';
import { runStepIncludeSchema } from './run-step.js';
import {
  assistantToolParamSchema,
  responseFormatParamSchema,
  toolChoiceParamSchema,
  truncationStrategySchema,
} from './tools.js';

// Request bodies. Closed at the top level like the spec (`additionalProperties: false`), so a
// misspelt option is caught before sending instead of answered with a 400. `stream` is not
// here: streaming goes through the streaming calls.

const nullableMetadata = z.nullish(metadataSchema);

export const createMessageParamsSchema = z.strictObject({
  role: z.literal(['user', 'assistant']),
  content: z.union([
    z.string(),
    z
      .array(
        z.discriminatedUnion('type', [
          imageFileContentSchema,
          imageUrlContentSchema,
          z.looseObject({ type: z.literal('text'), text: z.string() }),
        ]),
      )
      .check(z.minLength(1)),
  ]),
  attachments: z.nullish(
    z.array(
      z.looseObject({
        file_id: z.string(),
        tools: z.array(z.looseObject({ type: z.literal(['code_interpreter', 'file_search']) })),
      }),
    ),
  ),
  metadata: nullableMetadata,
});
export type CreateMessageParams = z.infer<typeof createMessageParamsSchema>;

const toolResourcesParamSchema = z.nullish(
  z.looseObject({
    code_interpreter: z.optional(z.looseObject({ file_ids: z.optional(z.array(z.string()).check(z.maxLength(20))) })),
    file_search: z.optional(z.looseObject({ vector_store_ids: z.optional(z.array(z.string()).check(z.maxLength(1))) })),
  }),
);

const nonEmptyString = z.string().check(z.minLength(1));
const tokenLimit = z.nullish(integer.check(z.minimum(256)));

/** The settings both create calls take; each may override the assistant's. */
const runSettingsParamsShape = {
  assistant_id: nonEmptyString,
  model: z.nullish(z.string()),
  instructions: z.nullish(z.string()),
  tools: z.nullish(z.array(assistantToolParamSchema).check(z.maxLength(20))),
  metadata: nullableMetadata,
  temperature: z.nullish(z.number().check(z.minimum(0), z.maximum(2))),
  top_p: z.nullish(z.number().check(z.minimum(0), z.maximum(1))),
  max_prompt_tokens: tokenLimit,
  max_completion_tokens: tokenLimit,
  truncation_strategy: z.nullish(truncationStrategySchema),
  tool_choice: z.nullish(toolChoiceParamSchema),
  parallel_tool_calls: z.optional(z.boolean()),
  response_format: z.nullish(responseFormatParamSchema),
};

export const createRunParamsSchema = z.strictObject({
  ...runSettingsParamsShape,
  reasoning_effort: z.nullish(openEnum<'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh' | 'max'>()),
  /** Appended to the run's instructions, for this run only. */
  additional_instructions: z.nullish(z.string()),
  /** Added to the thread before the run starts. */
  additional_messages: z.nullish(z.array(createMessageParamsSchema)),
  /** Sent as the `include[]` query parameter. */
  include: z.optional(z.array(runStepIncludeSchema)),
});
export type CreateRunParams = z.infer<typeof createRunParamsSchema>;

export const createThreadRunParamsSchema = z.strictObject({
  ...runSettingsParamsShape,
  thread: z.optional(
    z.strictObject({
      messages: z.optional(z.array(createMessageParamsSchema)),
      metadata: nullableMetadata,
      tool_resources: toolResourcesParamSchema,
    }),
  ),
  tool_resources: toolResourcesParamSchema,
});
export type CreateThreadRunParams = z.infer<typeof createThreadRunParamsSchema>;

export const updateRunParamsSchema = z.strictObject({ metadata: metadataSchema });
export type UpdateRunParams = z.infer<typeof updateRunParamsSchema>;

export const toolOutputSchema = z.strictObject({
  tool_call_id: nonEmptyString,
  /** Whatever the tool returned, as text (JSON is fine). */
  output: z.string(),
});
export type ToolOutput = z.infer<typeof toolOutputSchema>;

export const submitToolOutputsParamsSchema = z.strictObject({ tool_outputs: z.array(toolOutputSchema) });
export type SubmitToolOutputsParams = z.infer<typeof submitToolOutputsParamsSchema>;
