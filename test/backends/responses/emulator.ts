import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { createEmulator, createManualClock, type ManualClock } from '../../../src/emulator';
import { serveEmulator, type ServedEmulator } from '../../../src/emulator/node';

// The Responses backend's tests talk to the emulator over HTTP on 127.0.0.1 through the official
// SDK, on a manual clock, in a fresh conversation.

const servers: ServedEmulator[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((served) => served.close()));
});

export async function startResponsesEmulator(): Promise<{ openai: OpenAI; clock: ManualClock; conversationId: string }> {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const served = await serveEmulator(createEmulator({ clock, seed: false }), { port: 0 });
  servers.push(served);
  const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: served.url, maxRetries: 0 });
  return { openai, clock, conversationId: (await openai.conversations.create({})).id };
}
