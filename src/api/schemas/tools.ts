import * as z from 'zod/mini';
import { integer, openEnum, openUnion } from './common.js';

// ─── Tool definitions (an assistant's or a run's `tools`) ───────────────────────────────────────

export const fileSearchRankingOptionsSchema = z.looseObject({
  ranker: z.optional(openEnum<'auto' | 'default_2024_08_21'>()),
  score_threshold: z.number().check(z.minimum(0), z.maximum(1)),
});

export const codeInterpreterToolSchema = z.looseObject({ type: z.literal('code_interpreter') });

export const fileSearchToolSchema = z.looseObject({
  type: z.literal('file_search'),
  file_search: z.optional(
    z.looseObject({
      max_num_results: z.optional(integer.check(z.minimum(1), z.maximum(50))),
      ranking_options: z.optional(fileSearchRankingOptionsSchema),
    }),
  ),
});

/** A function the model may call; `parameters` is a JSON Schema object. */
export const functionToolSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string(),
    description: z.optional(z.string()),
    parameters: z.optional(z.looseObject({})),
    strict: z.nullish(z.boolean()),
  }),
});

const toolVariants = [codeInterpreterToolSchema, fileSearchToolSchema, functionToolSchema] as const;

/** A tool as a run reports it; a tool type added later parses as `{ type: 'unknown', original_type }`. */
export const assistantToolSchema = openUnion(toolVariants);
export type AssistantTool = z.infer<typeof assistantToolSchema>;

/** A tool as a request sends it: only the kinds the spec knows. */
export const assistantToolParamSchema = z.discriminatedUnion('type', toolVariants);
export type AssistantToolParam = z.infer<typeof assistantToolParamSchema>;

// ─── Run configuration echoed back on the run ───────────────────────────────────────────────────

export const truncationStrategySchema = z.looseObject({
  type: openEnum<'auto' | 'last_messages'>(),
  last_messages: z.nullish(integer.check(z.minimum(1))),
});
export type TruncationStrategy = z.infer<typeof truncationStrategySchema>;

/** `{ type: 'function', function: { name } }` forces that tool. */
export const namedToolChoiceSchema = z.looseObject({
  type: openEnum<'function' | 'code_interpreter' | 'file_search'>(),
  function: z.optional(z.looseObject({ name: z.string() })),
});

export const toolChoiceSchema = z.union([openEnum<'none' | 'auto' | 'required'>(), namedToolChoiceSchema]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

export const toolChoiceParamSchema = z.union([
  z.literal(['none', 'auto', 'required']),
  z.looseObject({ ...namedToolChoiceSchema.shape, type: z.literal(['function', 'code_interpreter', 'file_search']) }),
]);

const responseFormatVariants = [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string(),
      description: z.optional(z.string()),
      schema: z.optional(z.looseObject({})),
      strict: z.nullish(z.boolean()),
    }),
  }),
] as const;

/** `'auto'` or a format object; a format type added later parses as an unknown variant. */
export const responseFormatSchema = z.union([z.literal('auto'), openUnion(responseFormatVariants)]);
export type ResponseFormat = z.infer<typeof responseFormatSchema>;

export const responseFormatParamSchema = z.union([
  z.literal('auto'),
  z.discriminatedUnion('type', responseFormatVariants),
]);
