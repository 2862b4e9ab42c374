import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { expect } from 'vitest';

// Validates what the emulator serves against a vendored spec's component schemas (JSON Schema
// 2020-12): spec/assistants.openapi.json and spec/responses.openapi.json (see spec/README.md).

type Schema = Record<string, unknown>;
export interface Spec {
  components: { schemas: Record<string, Schema> };
}

/**
 * OpenAPI leftovers → 2020-12, as the spec README says: `$ref`s into `$defs`, `nullable` mapped
 * (an enum gains null too), drafts-2019 `$recursiveRef: '#'` (CompoundFilter's) as a `$ref` to
 * the definition it sits in; drops `x-*` and `example` annotations.
 */
function toJsonSchema(node: unknown, def: string): unknown {
  if (Array.isArray(node)) return node.map((inner) => toJsonSchema(inner, def));
  if (typeof node !== 'object' || node === null) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'example' || key === 'nullable' || key === '$recursiveAnchor') continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace('#/components/schemas/', '#/$defs/');
    else if (key === '$recursiveRef') out.$ref = `#/$defs/${def}`;
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, toJsonSchema(inner, def)]));
    } else out[key] = toJsonSchema(value, def);
  }
  if ((node as Schema).nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/** Reads `spec/<file>` of the repo. */
export function readSpec(file: string): Spec {
  return JSON.parse(readFileSync(new URL(`../../spec/${file}`, import.meta.url), 'utf8')) as Spec;
}

/** A validator of one spec's component schemas, by name. */
export function createConformance(spec: Spec, id: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
  ajv.addFormat('unixtime', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('float', { type: 'number', validate: (value: number) => Number.isFinite(value) });
  // `discriminator` is only a hint for code generators: the `oneOf` beside it is what validates.
  ajv.addKeyword({ keyword: 'discriminator' });
  const root = { $id: `https://runlens.test/${id}.json`, $defs: Object.fromEntries(Object.entries(spec.components.schemas).map(([name, schema]) => [name, toJsonSchema(schema, name)])) };
  ajv.addSchema(root);
  const validators = new Map<string, ValidateFunction>();
  const validator = (name: string): ValidateFunction => {
    let validate = validators.get(name);
    if (!validate) {
      validate = ajv.getSchema(`${root.$id}#/$defs/${name}`);
      if (!validate) throw new Error(`No schema ${name} in the spec`);
      validators.set(name, validate);
    }
    return validate;
  };

  /** Why `value` does not validate against `components.schemas[name]`, or null when it does. */
  function conformanceProblem(name: string, value: unknown): string | null {
    const validate = validator(name);
    if (validate(JSON.parse(JSON.stringify(value)))) return null;
    return `${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}\n${JSON.stringify(value).slice(0, 800)}`;
  }

  /** Asserts `value` validates against `components.schemas[name]`. */
  function expectConforms(name: string, value: unknown): void {
    const problem = conformanceProblem(name, value);
    expect(problem, problem ?? '').toBeNull();
  }

  /**
   * A list page's problems. The one known divergence of the specs from the API: on an empty page the
   * API returns `first_id`/`last_id` null where the spec types strings; those must be null, and the
   * rest of the page is validated.
   */
  function listConformanceProblem(name: string, page: { data?: unknown[]; first_id?: unknown; last_id?: unknown }): string | null {
    if (page.data?.length !== 0) return conformanceProblem(name, page);
    if (page.first_id !== null || page.last_id !== null) return `${name}: an empty page has null first_id/last_id`;
    return conformanceProblem(name, { ...page, first_id: '', last_id: '' });
  }

  /** Asserts a list page conforms (see listConformanceProblem). */
  function expectListConforms(name: string, page: { data: unknown[]; first_id?: unknown; last_id?: unknown; has_more?: unknown }): void {
    const problem = listConformanceProblem(name, page);
    expect(problem, problem ?? '').toBeNull();
  }

  return { conformanceProblem, expectConforms, listConformanceProblem, expectListConforms };
}
