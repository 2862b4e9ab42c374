import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { expect } from 'vitest';

// Validates what the emulator serves against the spec's component schemas (JSON Schema 2020-12).
// The spec is vendored at spec/ in the repo (pinned to openai-openapi f85dbe2; see spec/README.md)
// so the suite runs wherever the repo is checked out.

type Schema = Record<string, unknown>;
const specUrl = new URL('../../spec/assistants.openapi.json', import.meta.url);
const spec = JSON.parse(readFileSync(specUrl, 'utf8')) as { components: { schemas: Record<string, Schema> } };

/** OpenAPI 3.0 leftovers → 2020-12, as the spec README says; drops `x-*` and `example` annotations. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || key === 'example' || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out[key] = value.replace('#/components/schemas/', '#/$defs/');
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, toJsonSchema(inner)]));
    } else out[key] = toJsonSchema(value);
  }
  if ((node as Schema).nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
ajv.addFormat('unixtime', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 });
ajv.addFormat('uri', (value: string) => URL.canParse(value));
const root = { $id: 'https://runlens.test/assistants.json', $defs: toJsonSchema(spec.components.schemas) };
ajv.addSchema(root);

const validators = new Map<string, ValidateFunction>();
function validator(name: string): ValidateFunction {
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.getSchema(`${root.$id}#/$defs/${name}`);
    if (!validate) throw new Error(`No schema ${name} in the spec`);
    validators.set(name, validate);
  }
  return validate;
}

/** Why `value` does not validate against `components.schemas[name]`, or null when it does. */
export function conformanceProblem(name: string, value: unknown): string | null {
  const validate = validator(name);
  if (validate(JSON.parse(JSON.stringify(value)))) return null;
  return `${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}\n${JSON.stringify(value).slice(0, 600)}`;
}

/** Asserts `value` validates against `components.schemas[name]`. */
export function expectConforms(name: string, value: unknown): void {
  const problem = conformanceProblem(name, value);
  expect(problem, problem ?? '').toBeNull();
}

/** A list page's problems; see expectListConforms for the empty-page divergence. */
export function listConformanceProblem(name: string, page: { data?: unknown[]; first_id?: unknown; last_id?: unknown }): string | null {
  if (page.data?.length !== 0) return conformanceProblem(name, page);
  if (page.first_id !== null || page.last_id !== null) return `${name}: an empty page has null first_id/last_id`;
  return conformanceProblem(name, { ...page, first_id: '', last_id: '' });
}

/**
 * Asserts a list page conforms. The one known divergence of the spec from the API: on an empty
 * page the API returned `first_id`/`last_id` null while the spec types them as strings. Those are
 * asserted null here and only the rest of the page is validated.
 */
export function expectListConforms(name: string, page: { data: unknown[]; first_id?: unknown; last_id?: unknown; has_more?: unknown }): void {
  const problem = listConformanceProblem(name, page);
  expect(problem, problem ?? '').toBeNull();
}

export const schemaForEvent = (event: string): string | undefined => {
  if (event === 'thread.created') return 'ThreadObject';
  if (event.endsWith('.delta')) return undefined;
  if (event.startsWith('thread.run.step.')) return 'RunStepObject';
  if (event.startsWith('thread.run.')) return 'RunObject';
  if (event.startsWith('thread.message.')) return 'MessageObject';
  return undefined;
};

/**
 * Stream events: snapshots against their object schema; deltas (whose schemas the cut spec leaves
 * out) against the shape in the spec's examples and the SDK's types.
 */
export function expectEventConforms(event: { event: string; data: unknown }): void {
  const schema = schemaForEvent(event.event);
  if (schema) return expectConforms(schema, event.data);
  const data = event.data as { id?: unknown; object?: unknown; delta?: Record<string, unknown> };
  expect(typeof data.id).toBe('string');
  expect(data.object).toBe(event.event);
  expect(typeof data.delta).toBe('object');
  if (event.event === 'thread.message.delta') expect(Array.isArray(data.delta?.content)).toBe(true);
  else expect((data.delta?.step_details as { type?: string } | undefined)?.type).toBe('tool_calls');
}
