import * as z from 'zod';

/**
 * A string enum a newer server may extend. Any string parses; the known values stay in the type
 * for autocomplete. Used only where an unknown value cannot change what the UI does.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(
  known: T,
): z.ZodType<T[number] | (string & {}), string> {
  return z.string().describe(`one of ${known.join(', ')}, or a value added later`);
}

/**
 * Required and nullable in the spec. The spec's own examples leave some of these out, so an
 * absent field reads as `null` rather than failing.
 */
export function nullable<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Variant = z.core.$ZodTypeDiscriminable;

/** The discriminator values `variants` claim, e.g. every `type` literal. */
export function claimedValues(variants: readonly Variant[], key: string): Set<unknown> {
  return new Set(variants.flatMap((variant) => [...(variant._zod.propValues?.[key] ?? [])]));
}

/**
 * Rewrites an object whose `key` is a string no variant claims to `{ [key]: 'unknown',
 * [originalKey]: <what was sent>, ...rest }`. Already-rewritten input stays as it is, so parsing
 * twice gives the same value.
 */
export function tagUnknown(key: string, originalKey: string, known: Set<unknown>) {
  return (input: unknown): unknown => {
    if (!isRecord(input) || typeof input[key] !== 'string' || known.has(input[key])) return input;
    if (input[key] === 'unknown' && typeof input[originalKey] === 'string') return input;
    return { ...input, [key]: 'unknown', [originalKey]: input[key] };
  };
}

/**
 * A union on `type` that also accepts types it does not know. An object whose `type` is a string
 * none of `variants` claims becomes `{ type: 'unknown', original_type, ...rest }`, so one new tool
 * or step kind does not reject a whole page, while a known `type` with a bad field still fails at
 * that field's path.
 *
 * @example
 * const toolCall = openUnion([functionCall, codeInterpreterCall]);
 * toolCall.parse({ type: 'computer_use', id: 'call_1' });
 * // → { type: 'unknown', original_type: 'computer_use', id: 'call_1' }
 */
export function openUnion<const V extends readonly [Variant, ...Variant[]], E extends z.core.$ZodLooseShape = {}>(
  variants: V,
  unknownShape?: E,
) {
  const unknownVariant = z.looseObject({
    ...(unknownShape ?? ({} as E)),
    type: z.literal('unknown'),
    /** The `type` the server sent. */
    original_type: z.string(),
  });
  return z.preprocess(
    tagUnknown('type', 'original_type', claimedValues(variants, 'type')),
    z.discriminatedUnion('type', [...variants, unknownVariant]),
  );
}

export const metadataSchema = z.record(z.string(), z.string());
/** Up to 16 string pairs (key ≤ 64 chars, value ≤ 512); the limits are checked in `validate.ts`. */
export type Metadata = z.infer<typeof metadataSchema>;

/** Unix seconds. */
export const unixSeconds = z.int().nonnegative();

export const usageSchema = z.looseObject({
  prompt_tokens: z.int(),
  completion_tokens: z.int(),
  total_tokens: z.int(),
});
export type Usage = z.infer<typeof usageSchema>;

/** A cursor page as the API sends it: `first_id`/`last_id` are null on an empty page. */
export function listPageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    object: z.literal('list'),
    data: z.array(item),
    first_id: z.string().nullable(),
    last_id: z.string().nullable(),
    has_more: z.boolean(),
  });
}
export type ListPage<T> = z.output<ReturnType<typeof listPageSchema<z.ZodType<T>>>>;

/** The `error` object of an error response and of the stream's `error` event. */
export const apiErrorObjectSchema = z.looseObject({
  message: z.string(),
  type: z.string(),
  param: nullable(z.string()),
  code: nullable(z.string()),
});
export type ApiErrorObject = z.infer<typeof apiErrorObjectSchema>;

export const errorResponseSchema = z.looseObject({ error: apiErrorObjectSchema });
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
