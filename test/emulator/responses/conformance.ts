import { expect } from 'vitest';
import { createConformance, readSpec } from '../../support/spec-conformance';

// Validates what the Responses emulator serves against responses.openapi.json's component schemas
// (JSON Schema 2020-12), vendored at spec/ like the Assistants spec (see spec/README.md).

const spec = readSpec('responses.openapi.json');
export const { conformanceProblem, expectConforms, listConformanceProblem, expectListConforms } = createConformance(spec, 'responses');

/** Why a stream event does not conform to its own schema (ResponseCreatedEvent, ResponseTextDeltaEvent, …, found through ResponseStreamEvent), or null. */
export function eventConformanceProblem(event: { type: string }): string | null {
  const name = eventSchemas.get(event.type);
  return name === undefined ? `no schema for stream event ${event.type}` : conformanceProblem(name, event);
}

/** Asserts a stream event conforms (see eventConformanceProblem). */
export function expectEventConforms(event: { type: string }): void {
  const problem = eventConformanceProblem(event);
  expect(problem, problem ?? '').toBeNull();
}

/** Event type → schema name, read from the spec's ResponseStreamEvent union. */
const eventSchemas = new Map<string, string>();
for (const option of (spec.components.schemas.ResponseStreamEvent?.anyOf ?? []) as { $ref: string }[]) {
  const name = option.$ref.split('/').at(-1) as string;
  const type = (spec.components.schemas[name]?.properties as Record<string, { enum?: string[] }> | undefined)?.type?.enum?.[0];
  if (type) eventSchemas.set(type, name);
}
