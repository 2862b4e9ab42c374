import * as z from 'zod';
import { openUnion } from './common.js';
import { fileSearchResultSchema } from './run-step.js';
import { fileSearchRankingOptionsSchema } from './tools.js';

// Deltas carry only what changed; `index` says which tool call / output the piece belongs to.
// Shapes from the SDK's steps.d.ts (the cut spec lacks RunStepDeltaObject).

const index = z.int().nonnegative();

export const codeInterpreterOutputDeltaSchema = openUnion(
  [
    z.looseObject({ index, type: z.literal('logs'), logs: z.string().optional() }),
    z.looseObject({
      index,
      type: z.literal('image'),
      image: z.looseObject({ file_id: z.string().optional() }).optional(),
    }),
  ],
  { index },
);

export const functionToolCallDeltaSchema = z.looseObject({
  index,
  type: z.literal('function'),
  id: z.string().optional(),
  function: z
    .looseObject({
      name: z.string().optional(),
      arguments: z.string().optional(),
      output: z.string().nullable().optional(),
    })
    .optional(),
});

export const codeInterpreterToolCallDeltaSchema = z.looseObject({
  index,
  type: z.literal('code_interpreter'),
  id: z.string().optional(),
  code_interpreter: z
    .looseObject({
      input: z.string().optional(),
      outputs: z.array(codeInterpreterOutputDeltaSchema).optional(),
    })
    .optional(),
});

export const fileSearchToolCallDeltaSchema = z.looseObject({
  index,
  type: z.literal('file_search'),
  id: z.string().optional(),
  file_search: z
    .looseObject({
      ranking_options: fileSearchRankingOptionsSchema.optional(),
      results: z.array(fileSearchResultSchema).optional(),
    })
    .optional(),
});

/** A tool type added later parses as an unknown variant that keeps its `index`. */
export const toolCallDeltaSchema = openUnion(
  [functionToolCallDeltaSchema, codeInterpreterToolCallDeltaSchema, fileSearchToolCallDeltaSchema],
  { index },
);
export type ToolCallDelta = z.infer<typeof toolCallDeltaSchema>;

export const stepDetailsDeltaSchema = openUnion([
  z.looseObject({
    type: z.literal('message_creation'),
    message_creation: z.looseObject({ message_id: z.string().optional() }).optional(),
  }),
  z.looseObject({
    type: z.literal('tool_calls'),
    tool_calls: z.array(toolCallDeltaSchema).optional(),
  }),
]);
export type StepDetailsDelta = z.infer<typeof stepDetailsDeltaSchema>;

/** The `data` of a `thread.run.step.delta` event. */
export const runStepDeltaSchema = z.looseObject({
  id: z.string(),
  object: z.literal('thread.run.step.delta'),
  delta: z.looseObject({ step_details: stepDetailsDeltaSchema.optional() }),
});
export type RunStepDelta = z.infer<typeof runStepDeltaSchema>;
