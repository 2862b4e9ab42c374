import type OpenAI from 'openai';
import type { Emulator } from '../../src/emulator';

/** A thread that may hold many active runs at once (`emulator.concurrent_runs`), with `count` message runs on it. */
export async function liveThread(backend: { openai: OpenAI }, count: number): Promise<{ threadId: string; runIds: string[] }> {
  const assistant = await backend.openai.beta.assistants.create({ model: 'gpt-4o', metadata: { 'emulator.scenario': 'message' } });
  const thread = await backend.openai.beta.threads.create({ metadata: { 'emulator.concurrent_runs': 'true' } });
  const runIds: string[] = [];
  for (let i = 0; i < count; i += 1) runIds.push((await backend.openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id })).id);
  return { threadId: thread.id, runIds };
}

/** GETs of the thread's runs list the emulator has answered since request number `since`. */
export const listGets = (backend: { emulator: Emulator }, threadId: string, since = 0) =>
  backend.emulator.requests.slice(since).filter((r) => r.method === 'GET' && r.path.endsWith(`/threads/${threadId}/runs`)).length;
