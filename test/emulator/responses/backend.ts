import OpenAI from 'openai';
import { afterEach, expect } from 'vitest';
import { createEmulator, createManualClock, type Emulator, type EmulatorOptions, type ManualClock } from '../../../src/emulator';
import { serveEmulator } from '../../../src/emulator/node';
import { createConformingFetch } from '../../support/conforming-fetch';
import { conformanceProblem, eventConformanceProblem, listConformanceProblem } from './conformance';

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

const open: ResponsesBackend[] = [];

const conforming = createConformingFetch({
  routes,
  jsonProblem: (schema, body) => (schema.endsWith('List') ? listConformanceProblem(schema, body as never) : conformanceProblem(schema, body)),
  // Each block's `event:` names the `type` of its JSON data, which conforms.
  eventProblem(name, data) {
    const event = JSON.parse(data) as { type: string };
    return event.type === name ? eventConformanceProblem(event) : `event ${name} carries type ${event.type}`;
  },
});

/** The checking fetch the SDK client uses; exported so a test can wrap it (e.g. to record request bodies). */
export const conformingFetch = conforming.fetch;

afterEach(async () => {
  await Promise.all(open.splice(0).map((backend) => backend.close()));
  expect(await conforming.takeProblems(), 'bodies that do not conform to responses.openapi.json').toEqual([]);
});

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
