import OpenAI from 'openai';
import { expect } from 'vitest';
import type { ManualClock } from '../../src/emulator';
import { expectConforms } from './conformance';

/** Yields to the event loop (network I/O included) for a moment. */
export const tick = (ms = 1): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Moves the manual clock in `stepMs` increments, letting I/O run between them, until `promise`
 * settles; returns its value. For streams and anything else that waits on emulator time.
 */
export async function driveClock<T>(clock: ManualClock, promise: Promise<T>, stepMs = 100, maxSteps = 20_000): Promise<T> {
  let settled = false;
  const tracked = promise.finally(() => {
    settled = true;
  });
  tracked.catch(() => undefined);
  for (let i = 0; i < maxSteps && !settled; i += 1) {
    await tick();
    if (!settled) clock.advance(stepMs);
  }
  return tracked;
}

/** Asserts `promise` rejects with the SDK's APIError carrying the API's error shape; returns it. */
export async function expectApiError(
  promise: Promise<unknown>,
  expected: { status: number; message: string | RegExp; param?: string | null; code?: string | null },
): Promise<InstanceType<typeof OpenAI.APIError>> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OpenAI.APIError);
  const apiError = error as InstanceType<typeof OpenAI.APIError>;
  expect(apiError.status).toBe(expected.status);
  expect(apiError.type).toBe('invalid_request_error');
  const message = (apiError.error as { message?: string } | undefined)?.message ?? '';
  if (typeof expected.message === 'string') expect(message).toBe(expected.message);
  else expect(message).toMatch(expected.message);
  if (expected.param !== undefined) expect(apiError.param).toBe(expected.param);
  if (expected.code !== undefined) expect(apiError.code).toBe(expected.code);
  expect(apiError.requestID).toMatch(/^req_[0-9a-f]{32}$/);
  expectConforms('ErrorResponse', { error: apiError.error });
  return apiError;
}

/** The text parts of a message, joined. */
export const textOf = (message: OpenAI.Beta.Threads.Message): string =>
  message.content.map((part) => (part.type === 'text' ? part.text.value : '')).join('');

/** A user message and an assistant whose metadata picks the scenario. */
export async function setUpScenario(
  openai: OpenAI,
  scenario: string,
  extra: Omit<OpenAI.Beta.AssistantCreateParams, 'model'> = {},
): Promise<{ assistant: OpenAI.Beta.Assistant; thread: OpenAI.Beta.Thread }> {
  const assistant = await openai.beta.assistants.create({
    model: 'gpt-4o',
    name: `${scenario} assistant`,
    ...extra,
    metadata: { 'emulator.scenario': scenario, ...extra.metadata },
  });
  expectConforms('AssistantObject', assistant);
  const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: `Please run the ${scenario} scenario.` }] });
  expectConforms('ThreadObject', thread);
  return { assistant, thread };
}
