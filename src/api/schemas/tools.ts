import * as z from 'zod';
import { openEnum, openUnion } from './common.js';

// ─── Tool definitions (an assistant's or a run's `tools`) ───────────────────────────────────────

export const fileSearchRankingOptionsSchema = z.looseObject({
  ranker: openEnum(['auto', 'default_2024_08_21']).optional(),
  score_threshold: z.number().min(0).max(1),
});

export const codeInterpreterToolSchema = z.looseObject({ type: z.literal('code_interpreter') });

export const fileSearchToolSchema = z.looseObject({
  type: z.literal('file_search'),
  file_search: z
    .looseObject({
      max_num_results: z.int().min(1).max(50).optional(),
      ranking_options: fileSearchRankingOptionsSchema.optional(),
    })
    .optional(),
});

/** A function the model may call; `parameters` is a JSON Schema object. */
export const functionToolSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string(),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullable().optional(),
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
  type: openEnum(['auto', 'last_messages']),
  last_messages: z.int().min(1).nullable().optional(),
});
export type TruncationStrategy = z.infer<typeof truncationStrategySchema>;

/** `{ type: 'function', function: { name } }` forces that tool. */
export const namedToolChoiceSchema = z.looseObject({
  type: openEnum(['function', 'code_interpreter', 'file_search']),
  function: z.looseObject({ name: z.string() }).optional(),
});

export const toolChoiceSchema = z.union([openEnum(['none', 'auto', 'required']), namedToolChoiceSchema]);
export type ToolChoice = z.infer<typeof toolChoiceSchema>;

export const toolChoiceParamSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  namedToolChoiceSchema.extend({ type: z.enum(['function', 'code_interpreter', 'file_search']) }),
]);

const responseFormatVariants = [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string(),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
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
