import * as z from 'zod/mini';
import { nonNegativeInteger, openUnion } from './common.js';
import { fileSearchResultSchema } from './run-step.js';
import { fileSearchRankingOptionsSchema } from './tools.js';

// Deltas carry only what changed; `index` says which tool call / output the piece belongs to.
// Shapes from the SDK's steps.d.ts (the cut spec lacks RunStepDeltaObject).

const index = nonNegativeInteger;

export const codeInterpreterOutputDeltaSchema = openUnion(
  [
    z.looseObject({ index, type: z.literal('logs'), logs: z.optional(z.string()) }),
    z.looseObject({
      index,
      type: z.literal('image'),
      image: z.optional(z.looseObject({ file_id: z.optional(z.string()) })),
    }),
  ],
  { index },
);

export const functionToolCallDeltaSchema = z.looseObject({
  index,
  type: z.literal('function'),
  id: z.optional(z.string()),
  function: z.optional(
    z.looseObject({
      name: z.optional(z.string()),
      arguments: z.optional(z.string()),
      output: z.nullish(z.string()),
    }),
  ),
});

export const codeInterpreterToolCallDeltaSchema = z.looseObject({
  index,
  type: z.literal('code_interpreter'),
  id: z.optional(z.string()),
  code_interpreter: z.optional(
    z.looseObject({
      input: z.optional(z.string()),
      outputs: z.optional(z.array(codeInterpreterOutputDeltaSchema)),
    }),
  ),
});

export const fileSearchToolCallDeltaSchema = z.looseObject({
  index,
  type: z.literal('file_search'),
  id: z.optional(z.string()),
  file_search: z.optional(
    z.looseObject({
      ranking_options: z.optional(fileSearchRankingOptionsSchema),
      results: z.optional(z.array(fileSearchResultSchema)),
    }),
  ),
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
    message_creation: z.optional(z.looseObject({ message_id: z.optional(z.string()) })),
  }),
  z.looseObject({
    type: z.literal('tool_calls'),
    tool_calls: z.optional(z.array(toolCallDeltaSchema)),
  }),
]);
export type StepDetailsDelta = z.infer<typeof stepDetailsDeltaSchema>;

/** The `data` of a `thread.run.step.delta` event. */
export const runStepDeltaSchema = z.looseObject({
  id: z.string(),
  object: z.literal('thread.run.step.delta'),
  delta: z.looseObject({ step_details: z.optional(stepDetailsDeltaSchema) }),
});
export type RunStepDelta = z.infer<typeof runStepDeltaSchema>;
