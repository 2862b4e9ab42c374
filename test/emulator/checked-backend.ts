import OpenAI from 'openai';
import { afterEach, expect } from 'vitest';
import { createConformingFetch } from '../support/conforming-fetch';
import { startTestBackend, type TestBackend } from '../support/emulator';
import { conformanceProblem, listConformanceProblem, schemaForEvent } from './conformance';

// Every response the emulator sends in these tests is checked against the spec on its way to the
// SDK: a fetch wrapper (real HTTP underneath) validates each JSON body and each SSE event by route.

const routes: [method: string, path: RegExp, schema: string][] = [
  ['GET', /\/assistants$/, 'ListAssistantsResponse'],
  ['POST', /\/assistants$/, 'AssistantObject'],
  ['GET', /\/assistants\/[^/]+$/, 'AssistantObject'],
  ['POST', /\/threads$/, 'ThreadObject'],
  ['POST', /\/threads\/runs$/, 'RunObject'],
  ['GET', /\/threads\/[^/]+$/, 'ThreadObject'],
  ['GET', /\/messages$/, 'ListMessagesResponse'],
  ['POST', /\/messages$/, 'MessageObject'],
  ['GET', /\/messages\/[^/]+$/, 'MessageObject'],
  ['GET', /\/runs$/, 'ListRunsResponse'],
  ['POST', /\/runs$/, 'RunObject'],
  ['GET', /\/runs\/[^/]+$/, 'RunObject'],
  ['POST', /\/runs\/[^/]+(\/cancel|\/submit_tool_outputs)?$/, 'RunObject'],
  ['GET', /\/steps$/, 'ListRunStepsResponse'],
  ['GET', /\/steps\/[^/]+$/, 'RunStepObject'],
];

const conforming = createConformingFetch({
  routes,
  jsonProblem: (schema, body) => (schema.startsWith('List') ? listConformanceProblem(schema, body as never) : conformanceProblem(schema, body)),
  eventProblem(name, data) {
    const schema = name === 'done' ? undefined : schemaForEvent(name);
    return schema ? conformanceProblem(schema, JSON.parse(data)) : null;
  },
});

afterEach(async () => {
  expect(await conforming.takeProblems(), 'responses that do not conform to the spec').toEqual([]);
});

/** Wraps an SDK client so every response it receives is checked against the spec. */
export const checked = (openai: OpenAI): OpenAI => openai.withOptions({ fetch: conforming.fetch });

/** startTestBackend(), with the SDK client checking every response against the spec. */
export async function startCheckedBackend(options: Parameters<typeof startTestBackend>[0] = {}): Promise<TestBackend> {
  const backend = await startTestBackend(options);
  return { ...backend, openai: checked(backend.openai) };
}
