import OpenAI from 'openai';
import { afterEach, expect } from 'vitest';
import { createEmulator, createManualClock, type Emulator, type EmulatorOptions, type ManualClock } from '../../../src/emulator';
import { serveEmulator } from '../../../src/emulator/node';
import { conformanceProblem, expectEventConforms, expectListConforms } from './conformance';

// An emulator on 127.0.0.1 with a manual clock, and the official SDK pointed at it through a fetch
// that checks every body it receives against responses.openapi.json (real HTTP underneath): JSON
// by route, each SSE event by its type. Problems fail the test that caused them.

const routes: [method: string, path: RegExp, schema: string | null][] = [
  ['POST', /\/responses$/, 'Response'],
  ['GET', /\/responses\/[^/]+$/, 'Response'],
  ['POST', /\/responses\/[^/]+\/cancel$/, 'Response'],
  // The spec gives DELETE /responses/{id} no body schema; its shape is asserted in the tests.
  ['DELETE', /\/responses\/[^/]+$/, null],
  ['GET', /\/responses\/[^/]+\/input_items$/, 'ResponseItemList'],
  ['POST', /\/conversations$/, 'ConversationResource'],
  ['GET', /\/conversations\/[^/]+$/, 'ConversationResource'],
  ['POST', /\/conversations\/[^/]+$/, 'ConversationResource'],
  ['DELETE', /\/conversations\/[^/]+$/, 'DeletedConversationResource'],
  ['GET', /\/conversations\/[^/]+\/items$/, 'ConversationItemList'],
  ['POST', /\/conversations\/[^/]+\/items$/, 'ConversationItemList'],
  ['GET', /\/conversations\/[^/]+\/items\/[^/]+$/, 'ConversationItem'],
  ['DELETE', /\/conversations\/[^/]+\/items\/[^/]+$/, 'ConversationResource'],
];

const problems: string[] = [];
const watching = new Set<Promise<void>>();
const open: ResponsesBackend[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((backend) => backend.close()));
  await Promise.all(watching);
  expect(problems.splice(0), 'bodies that do not conform to responses.openapi.json').toEqual([]);
});

function check(where: string, run: () => void): void {
  try {
    run();
  } catch (error) {
    problems.push(`${where} → ${(error as Error).message}`);
  }
}

/** Every SSE block: `event: <type>` naming the `type` of its JSON data, which conforms. */
async function checkEvents(where: string, body: Response): Promise<void> {
  const text = await body.text().catch(() => '');
  for (const block of text.split('\n\n').filter(Boolean)) {
    const match = /^event: (.+)\ndata: (.*)$/s.exec(block);
    if (!match?.[1] || !match[2]) {
      problems.push(`${where} → malformed SSE block ${JSON.stringify(block)}`);
      continue;
    }
    const data = JSON.parse(match[2]) as { type: string };
    if (data.type !== match[1]) problems.push(`${where} → event ${match[1]} carries type ${data.type}`);
    check(`${where} ${match[1]}`, () => expectEventConforms(data));
  }
}

/** The checking fetch the SDK client uses; exported so a test can wrap it (e.g. to record request bodies). */
export async function conformingFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const response = await fetch(request);
  const path = new URL(request.url).pathname;
  const where = `${request.method} ${path} ${response.status}`;
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.startsWith('text/event-stream')) {
    const watched = checkEvents(where, response.clone()).finally(() => watching.delete(watched));
    watching.add(watched);
  } else if (contentType.startsWith('application/json')) {
    const body = (await response.clone().json()) as { data?: unknown[] };
    const route = routes.find(([method, pattern]) => method === request.method && pattern.test(path));
    const schema = response.ok ? route?.[2] : 'ErrorResponse';
    if (route === undefined && response.ok) problems.push(`${where} → no schema known for this route`);
    else if (schema?.endsWith('List')) check(where, () => expectListConforms(schema, body as { data: unknown[] }));
    else if (schema) {
      const problem = conformanceProblem(schema, body);
      if (problem) problems.push(`${where} → ${problem}`);
    }
  }
  return response;
}

export interface ResponsesBackend {
  emulator: Emulator;
  clock: ManualClock;
  baseURL: string;
  /** The official SDK, over HTTP, every answer checked against the spec. */
  openai: OpenAI;
  close(): Promise<void>;
}

/** Starts an emulator (no seed data, manual clock) and a checked SDK client; closed after each test. */
export async function startResponsesBackend(options: Pick<EmulatorOptions, 'pollHints' | 'faults' | 'seed'> = {}): Promise<ResponsesBackend> {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const emulator = createEmulator({ clock, seed: false, ...options });
  const server = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' });
  const openai = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0, fetch: conformingFetch });
  const backend: ResponsesBackend = { emulator, clock, baseURL: server.url, openai, close: server.close };
  open.push(backend);
  return backend;
}
