import OpenAI from 'openai';
import { afterEach, expect } from 'vitest';
import { createEmulator, createManualClock, type Emulator, type EmulatorOptions, type ManualClock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';
import { tick } from './helpers';

/** A manual clock that also counts sleeps still waiting: 0 means no timer of the emulator's is left. */
export interface CountingClock extends ManualClock {
  readonly pendingSleeps: number;
}

export function createCountingClock(startMs = Date.UTC(2026, 0, 1)): CountingClock {
  const clock = createManualClock(startMs);
  let pending = 0;
  return {
    now: clock.now,
    advance: clock.advance,
    set: clock.set,
    get pendingSleeps() {
      return pending;
    },
    sleep(ms, signal) {
      pending += 1;
      return clock.sleep(ms, signal).finally(() => (pending -= 1));
    },
  };
}

export interface FaultyBackend {
  emulator: Emulator;
  clock: CountingClock;
  baseURL: string;
  /** The official SDK over HTTP, `maxRetries: 0`. */
  openai: OpenAI;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** The emulator on 127.0.0.1 with a counting manual clock, no seeded data, and `faults` (default: none). */
export async function startFaultyBackend(faults: EmulatorOptions['faults'] = null): Promise<FaultyBackend> {
  const clock = createCountingClock();
  const emulator = createEmulator({ clock, seed: false, faults });
  const server = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' });
  closers.push(server.close);
  const openai = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0 });
  return { emulator, clock, baseURL: server.url, openai };
}

/** The emulator as a Fetch handler only (no HTTP), with the SDK calling `emulator.fetch`. */
export function fetchOnlyBackend(faults: EmulatorOptions['faults'] = null): Omit<FaultyBackend, 'baseURL'> {
  const clock = createCountingClock();
  const emulator = createEmulator({ clock, seed: false, faults });
  const openai = new OpenAI({ apiKey: 'sk-test', baseURL: 'http://emulator.test/v1', fetch: emulator.fetch, maxRetries: 0 });
  return { emulator, clock, openai };
}

/** What a promise rejected with (fails the test if it resolved). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)?.slice(0, 200)}`);
    },
    (error: unknown) => error,
  );
}

/** Asserts the SDK's APIError for a fault's error answer, in the API's error shape; returns it. */
export async function expectFaultError(promise: Promise<unknown>, status: number, type: string, code: string | null = null) {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(OpenAI.APIError);
  const apiError = error as InstanceType<typeof OpenAI.APIError>;
  expect(apiError.status).toBe(status);
  expect(apiError.error).toEqual({ message: expect.any(String), type, param: null, code });
  expect(apiError.requestID).toMatch(/^req_[0-9a-f]{32}$/);
  return apiError;
}

/** Waits (in wall time, for I/O) until `condition` holds. */
export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2_000 && !condition(); i += 1) await tick(2);
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

/** A function_call run waiting in requires_action, and its tool call ids. */
export async function runAwaitingOutputs(backend: Pick<FaultyBackend, 'openai' | 'clock'>) {
  const { openai, clock } = backend;
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'function_call' } });
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Weather in Paris?' }] });
  const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
  clock.advance(5_000);
  const waiting = await openai.beta.threads.runs.retrieve(run.id, { thread_id: thread.id });
  expect(waiting.status).toBe('requires_action');
  const callIds = waiting.required_action?.submit_tool_outputs.tool_calls.map((call) => call.id) ?? [];
  return { assistant, thread, run: waiting, callIds };
}

/** An assistant on the `message` scenario and a thread to run it on. */
export async function messageSetUp(openai: OpenAI) {
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'message' } });
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Hello' }] });
  return { assistant, thread };
}
