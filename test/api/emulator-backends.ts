import OpenAI6 from 'openai6';
import { createAssistantsRunsClient, type RunStatus, type RunsClient } from '../../src/core';
import { startTestBackend, type TestBackend } from '../support/emulator';

/** How each SDK major reaches the emulator: openai 7 is the backend's own, openai 6 is made here. */
export const sdkMajors = [
  { name: 'openai 7', sdk: (backend: TestBackend) => backend.openai },
  {
    name: 'openai 6',
    sdk: (backend: TestBackend) => new OpenAI6({ apiKey: 'sk-test', baseURL: backend.baseURL, maxRetries: 0 }),
  },
] as const;

export type SdkMajor = (typeof sdkMajors)[number];

export interface RunsFixture {
  backend: TestBackend;
  client: RunsClient;
  assistantId: string;
  threadId: string;
  /** Moves emulator time in small steps until the run reaches `status` (or fails the test). */
  advanceUntil(runId: string, status: RunStatus, threadId?: string): Promise<void>;
}

/** An emulator, a RunsClient over the given SDK major, an assistant with `scenario`, and a thread. */
export async function runsFixture(major: SdkMajor, scenario = 'function_call'): Promise<RunsFixture> {
  const backend = await startTestBackend();
  const openai = major.sdk(backend);
  const client = createAssistantsRunsClient(openai);
  const assistant = await openai.beta.assistants.create({
    model: 'gpt-4o',
    metadata: { 'emulator.scenario': scenario },
  });
  const thread = await openai.beta.threads.create();

  async function advanceUntil(runId: string, status: RunStatus, threadId = thread.id): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { run } = await client.getRun(threadId, runId);
      if (run.status === status) return;
      backend.clock.advance(250);
    }
    throw new Error(`run ${runId} never reached ${status}`);
  }

  return { backend, client, assistantId: assistant.id, threadId: thread.id, advanceUntil };
}
