import * as z from 'zod';
import { metadataSchema, openEnum } from './common.js';
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

export const createMessageParamsSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
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
      .min(1),
  ]),
  attachments: z
    .array(
      z.looseObject({
        file_id: z.string(),
        tools: z.array(z.looseObject({ type: z.enum(['code_interpreter', 'file_search']) })),
      }),
    )
    .nullable()
    .optional(),
  metadata: metadataSchema.nullable().optional(),
});
export type CreateMessageParams = z.infer<typeof createMessageParamsSchema>;

const toolResourcesParamSchema = z.looseObject({
  code_interpreter: z.looseObject({ file_ids: z.array(z.string()).max(20).optional() }).optional(),
  file_search: z.looseObject({ vector_store_ids: z.array(z.string()).max(1).optional() }).optional(),
});

/** The settings both create calls take; each may override the assistant's. */
const runSettingsParamsShape = {
  assistant_id: z.string().min(1),
  model: z.string().nullable().optional(),
  instructions: z.string().nullable().optional(),
  tools: z.array(assistantToolParamSchema).max(20).nullable().optional(),
  metadata: metadataSchema.nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  max_prompt_tokens: z.int().min(256).nullable().optional(),
  max_completion_tokens: z.int().min(256).nullable().optional(),
  truncation_strategy: truncationStrategySchema.nullable().optional(),
  tool_choice: toolChoiceParamSchema.nullable().optional(),
  parallel_tool_calls: z.boolean().optional(),
  response_format: responseFormatParamSchema.nullable().optional(),
};

export const createRunParamsSchema = z.strictObject({
  ...runSettingsParamsShape,
  reasoning_effort: openEnum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).nullable().optional(),
  /** Appended to the run's instructions, for this run only. */
  additional_instructions: z.string().nullable().optional(),
  /** Added to the thread before the run starts. */
  additional_messages: z.array(createMessageParamsSchema).nullable().optional(),
  /** Sent as the `include[]` query parameter. */
  include: z.array(runStepIncludeSchema).optional(),
});
export type CreateRunParams = z.infer<typeof createRunParamsSchema>;

export const createThreadRunParamsSchema = z.strictObject({
  ...runSettingsParamsShape,
  thread: z
    .strictObject({
      messages: z.array(createMessageParamsSchema).optional(),
      metadata: metadataSchema.nullable().optional(),
      tool_resources: toolResourcesParamSchema.nullable().optional(),
    })
    .optional(),
  tool_resources: toolResourcesParamSchema.nullable().optional(),
});
export type CreateThreadRunParams = z.infer<typeof createThreadRunParamsSchema>;

export const updateRunParamsSchema = z.strictObject({ metadata: metadataSchema });
export type UpdateRunParams = z.infer<typeof updateRunParamsSchema>;

export const toolOutputSchema = z.strictObject({
  tool_call_id: z.string().min(1),
  /** Whatever the tool returned, as text (JSON is fine). */
  output: z.string(),
});
export type ToolOutput = z.infer<typeof toolOutputSchema>;

export const submitToolOutputsParamsSchema = z.strictObject({ tool_outputs: z.array(toolOutputSchema) });
export type SubmitToolOutputsParams = z.infer<typeof submitToolOutputsParamsSchema>;
