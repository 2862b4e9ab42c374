import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { createEmulator, createManualClock, type Emulator, type ManualClock } from '../../../src/emulator';
import { serveEmulator, type ServedEmulator } from '../../../src/emulator/node';

// The Responses backend's tests talk to the emulator over HTTP on 127.0.0.1 through the official
// SDK, on a manual clock, in a fresh conversation.

const servers: ServedEmulator[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((served) => served.close()));
});

export interface ResponsesEmulator {
  emulator: Emulator;
  openai: OpenAI;
  clock: ManualClock;
  /** The emulator's `…/v1`. */
  baseURL: string;
  conversationId: string;
}

export async function startResponsesEmulator(): Promise<ResponsesEmulator> {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const emulator = createEmulator({ clock, seed: false });
  const served = await serveEmulator(emulator, { port: 0 });
  servers.push(served);
  const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: served.url, maxRetries: 0 });
  return { emulator, openai, clock, baseURL: served.url, conversationId: (await openai.conversations.create({})).id };
}
