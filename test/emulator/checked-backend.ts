import OpenAI from 'openai';
import { afterEach, expect } from 'vitest';
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

const problems: string[] = [];
const pending = new Set<Promise<void>>();

afterEach(async () => {
  await Promise.all(pending);
  expect(problems.splice(0), 'responses that do not conform to the spec').toEqual([]);
});

function check(where: string, schema: string, value: unknown): void {
  const problem = schema.startsWith('List') ? listConformanceProblem(schema, value as never) : conformanceProblem(schema, value);
  if (problem) problems.push(`${where} → ${problem}`);
}

async function checkEvents(where: string, body: Response): Promise<void> {
  const text = await body.text().catch(() => '');
  for (const block of text.split('\n\n').filter(Boolean)) {
    const event = /^event: (.+)\ndata: (.*)$/s.exec(block);
    if (!event?.[1] || !event[2]) {
      problems.push(`${where} → malformed SSE block ${JSON.stringify(block)}`);
      continue;
    }
    if (event[1] === 'done') continue;
    const schema = schemaForEvent(event[1]);
    if (schema) check(`${where} ${event[1]}`, schema, JSON.parse(event[2]));
  }
}

async function conformingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const response = await fetch(request);
  const path = new URL(request.url).pathname;
  const where = `${request.method} ${path} ${response.status}`;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    const watched = checkEvents(where, response.clone()).finally(() => pending.delete(watched));
    pending.add(watched);
  } else if (contentType.startsWith('application/json')) {
    const body: unknown = await response.clone().json();
    const schema = response.ok ? routes.find(([method, pattern]) => method === request.method && pattern.test(path))?.[2] : 'ErrorResponse';
    if (schema) check(where, schema, body);
    else problems.push(`${where} → no schema known for this route`);
  }
  return response;
}

/** Wraps an SDK client so every response it receives is checked against the spec. */
export const checked = (openai: OpenAI): OpenAI => openai.withOptions({ fetch: conformingFetch });

/** startTestBackend(), with the SDK client checking every response against the spec. */
export async function startCheckedBackend(options: Parameters<typeof startTestBackend>[0] = {}): Promise<TestBackend> {
  const backend = await startTestBackend(options);
  return { ...backend, openai: checked(backend.openai) };
}
