import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { createEmulator, createManualClock, type Emulator, type ManualClock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';

export interface TestBackend {
  emulator: Emulator;
  clock: ManualClock;
  /** Base URL ending in `/v1`, on 127.0.0.1. */
  baseURL: string;
  /** The official SDK, talking real HTTP to the emulator. */
  openai: OpenAI;
  close(): Promise<void>;
}

const open: TestBackend[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((backend) => backend.close()));
});

/**
 * Starts an emulator on 127.0.0.1 with a manual clock (time moves only when a test moves it)
 * and an official SDK client pointed at it. Closed automatically after each test.
 */
export async function startTestBackend(options: { seed?: boolean; startMs?: number } = {}): Promise<TestBackend> {
  const clock = createManualClock(options.startMs ?? Date.UTC(2026, 0, 1));
  const emulator = createEmulator({ clock, seed: options.seed ?? false });
  const server = await serveEmulator(emulator, { port: 0, host: '127.0.0.1' });
  // dangerouslyAllowBrowser: jsdom tests look like a browser to the SDK; the key here is a dummy.
  const openai = new OpenAI({ apiKey: 'sk-test', baseURL: server.url, maxRetries: 0, dangerouslyAllowBrowser: true });
  const backend: TestBackend = { emulator, clock, baseURL: server.url, openai, close: server.close };
  open.push(backend);
  return backend;
}
