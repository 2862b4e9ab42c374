import { expect } from 'vitest';
import { createConformance, readSpec } from '../../support/spec-conformance';

// Validates what the Responses emulator serves against responses.openapi.json's component schemas
// (JSON Schema 2020-12), vendored at spec/ like the Assistants spec (see spec/README.md).

const spec = readSpec('responses.openapi.json');
export const { conformanceProblem, expectConforms } = createConformance(spec, 'responses');

/**
 * A list page (ResponseItemList, ConversationItemList). As with the Assistants lists, an empty page
 * carries `first_id`/`last_id` null where the spec types strings: asserted null, the rest validated.
 */
export function expectListConforms(name: string, page: { data: unknown[]; first_id?: unknown; last_id?: unknown }): void {
  if (page.data.length === 0) {
    expect(page.first_id).toBeNull();
    expect(page.last_id).toBeNull();
    return expectConforms(name, { ...page, first_id: '', last_id: '' });
  }
  expectConforms(name, page);
}

/** Each stream event against its own schema (ResponseCreatedEvent, ResponseTextDeltaEvent, …), found through ResponseStreamEvent. */
export function expectEventConforms(event: { type: string }): void {
  const name = eventSchemas.get(event.type);
  expect(name, `no schema for stream event ${event.type}`).toBeDefined();
  expectConforms(name as string, event);
}

/** Event type → schema name, read from the spec's ResponseStreamEvent union. */
const eventSchemas = new Map<string, string>();
for (const option of (spec.components.schemas.ResponseStreamEvent?.anyOf ?? []) as { $ref: string }[]) {
  const name = option.$ref.split('/').at(-1) as string;
  const type = (spec.components.schemas[name]?.properties as Record<string, { enum?: string[] }> | undefined)?.type?.enum?.[0];
  if (type) eventSchemas.set(type, name);
}
