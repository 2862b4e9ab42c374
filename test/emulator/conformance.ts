import { expect } from 'vitest';
import { createConformance, readSpec } from '../support/spec-conformance';

// Validates what the emulator serves against the spec's component schemas (JSON Schema 2020-12).
// The spec is vendored at spec/ in the repo (pinned to openai-openapi f85dbe2; see spec/README.md)
// so the suite runs wherever the repo is checked out.

const spec = readSpec('assistants.openapi.json');
export const { conformanceProblem, expectConforms, listConformanceProblem, expectListConforms } = createConformance(spec, 'assistants');

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
