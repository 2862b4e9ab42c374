import * as z from 'zod/mini';

// zod/mini, not classic zod: its functions tree-shake, so a bundle carries only the schema kinds
// it uses (classic keeps its whole method API, ~400 kB). How the schemas here are written, to
// keep it that way:
// - functions, not methods: `z.optional(x)`, `z.nullish(x)` (optional + nullable), `nullable(x)`
//   below (nullable, absent reads as null), checks as `x.check(z.minimum(0))`;
// - `z.literal([...])` for closed sets, `openEnum<'a' | 'b'>()` for open ones, `openUnion` for
//   `type`-tagged objects; `z.catchall(z.object({}), x)` / `z.looseObject({})` for string maps,
//   `integer` for whole numbers: `z.enum`, `z.record`, `z.int` each pull a kilobyte or more for
//   the same result;
// - nothing runs at import but schema construction, and a module-level call the bundler cannot
//   see through (a method such as `.check`) is marked `/* @__PURE__ */`, so an entry that does
//   not reach a schema drops it (zod's own functions are marked side-effect free);
// - no locale: messages come from `issueMessage` in ../issues.ts.

/**
 * A string enum a newer server may extend: any string parses, and the known values, given as the
 * type argument, stay in the type for autocomplete. They are not repeated at run time (nothing
 * checks them). Used only where an unknown value cannot change what the UI does.
 *
 * @example
 * const detail = openEnum<'auto' | 'low' | 'high'>();
 */
// @__NO_SIDE_EFFECTS__
export function openEnum<T extends string>(): z.ZodMiniType<T | (string & {}), string> {
  return z.string();
}

/**
 * Required and nullable in the spec. The spec's own examples leave some of these out, so an
 * absent field reads as `null` rather than failing.
 */
// @__NO_SIDE_EFFECTS__
export function nullable<T extends z.core.SomeType>(schema: T) {
  return z._default(z.nullable(schema), null);
}

/**
 * A safe integer. `z.int()` would do, but it brings zod's whole number-format table (int32,
 * float32…) for this one check. Fails with `invalid_type`, expected `int`, as `z.int()` does.
 */
export const integer = /* @__PURE__ */ z.number().check((payload) => {
  if (!Number.isSafeInteger(payload.value)) {
    payload.issues.push({ code: 'invalid_type', expected: 'int', input: payload.value });
  }
});

export const nonNegativeInteger = /* @__PURE__ */ integer.check(z.minimum(0));

/** Unix seconds. */
export const unixSeconds = nonNegativeInteger;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Variant = z.core.$ZodTypeDiscriminable;

/**
 * Rewrites an object whose `key` is a string none of `variants` claims to `{ [key]: 'unknown',
 * [originalKey]: <what was sent>, ...rest }`. Already-rewritten input stays as it is, so parsing
 * twice gives the same value. The claimed values are read on first use, not at import.
 */
function tagUnknown(key: string, originalKey: string, variants: readonly Variant[]) {
  let known: Set<unknown> | undefined;
  return (input: unknown): unknown => {
    known ??= new Set(variants.flatMap((variant) => [...(variant._zod.propValues?.[key] ?? [])]));
    if (!isRecord(input) || typeof input[key] !== 'string' || known.has(input[key])) return input;
    if (input[key] === 'unknown' && typeof input[originalKey] === 'string') return input;
    return { ...input, [key]: 'unknown', [originalKey]: input[key] };
  };
}

/**
 * A discriminated union on `key` that also takes values it does not know: an object whose `key`
 * is a string none of `variants` claims is rewritten (see `tagUnknown`) to match `unknownVariant`.
 * A known value with a bad field still fails at that field's path.
 */
// @__NO_SIDE_EFFECTS__
export function openDiscriminatedUnion<
  const V extends readonly [Variant, ...Variant[]],
  U extends Variant,
  K extends string,
>(key: K, originalKey: string, variants: V, unknownVariant: U) {
  return z.pipe(
    z.transform(tagUnknown(key, originalKey, variants)),
    z.discriminatedUnion(key, [...variants, unknownVariant]),
  );
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
// @__NO_SIDE_EFFECTS__
export function openUnion<const V extends readonly [Variant, ...Variant[]], E extends z.core.$ZodLooseShape = {}>(
  variants: V,
  unknownShape?: E,
) {
  const unknownVariant = z.looseObject({
    ...(unknownShape as E),
    type: z.literal('unknown'),
    /** The `type` the server sent. */
    original_type: z.string(),
  });
  return openDiscriminatedUnion('type', 'original_type', variants, unknownVariant);
}

// An object of strings, as `z.record(z.string(), z.string())` would say, at a tenth of the weight.
export const metadataSchema = z.catchall(z.object({}), z.string());
/** Up to 16 string pairs (key ≤ 64 chars, value ≤ 512); the limits are checked in `validate.ts`. */
export type Metadata = z.infer<typeof metadataSchema>;

export const usageSchema = z.looseObject({
  prompt_tokens: integer,
  completion_tokens: integer,
  total_tokens: integer,
});
export type Usage = z.infer<typeof usageSchema>;

/** A cursor page as the API sends it: `first_id`/`last_id` are null on an empty page. */
// @__NO_SIDE_EFFECTS__
export function listPageSchema<T extends z.core.SomeType>(item: T) {
  return z.looseObject({
    object: z.literal('list'),
    data: z.array(item),
    first_id: z.nullable(z.string()),
    last_id: z.nullable(z.string()),
    has_more: z.boolean(),
  });
}
export type ListPage<T> = z.output<ReturnType<typeof listPageSchema<z.ZodMiniType<T>>>>;

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
