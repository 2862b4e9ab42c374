import OpenAI from 'openai';
import type { RunsClient } from '../../src/api/client';
import { collectRunBundle } from '../../src/api/bundle';
import type { RunStep } from '../../src/api/schemas';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import { createResponsesRunsClient } from '../../src/backends/responses/client';
import { createEmulator, createManualClock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';

// The run the search bench types into: a bulk run of `steps` steps whose step `failStep` is the failed
// `charge_card` call, from the emulator on 127.0.0.1 through the official SDK and a RunsClient (so the
// steps are parsed as an app has them), every page of 100 steps, asc, with file-search content.

export interface LoadedRun {
  api: 'Assistants' | 'Responses';
  steps: RunStep[];
  status: string;
  /** Wall ms to page every step in. */
  loadMs: number;
}

/** Every step of the run, as an app's export reads it (collectRunBundle: pages of 100, asc, with file-search content). */
const allSteps = async (client: RunsClient, threadId: string, runId: string): Promise<RunStep[]> => (await collectRunBundle(client, threadId, runId)).steps;

export async function loadBulkRuns(steps: number, failStep: number): Promise<LoadedRun[]> {
  const clock = createManualClock(Date.UTC(2026, 0, 1));
  const server = await serveEmulator(createEmulator({ clock, seed: false }), { port: 0, host: '127.0.0.1' });
  try {
    const openai = new OpenAI({ apiKey: 'sk-bench', baseURL: server.url, maxRetries: 0 });
    const metadata = { 'emulator.scenario': 'bulk', 'emulator.steps': String(steps), 'emulator.fail_step': String(failStep) };
    const runEndMs = 2_000 + steps * 10;
    const loaded: LoadedRun[] = [];

    const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', metadata });
    const thread = await openai.beta.threads.create({ messages: [{ role: 'user', content: 'Check every item in the catalogue, one by one.' }] });
    const run = await openai.beta.threads.runs.create(thread.id, { assistant_id: assistant.id });
    clock.advance(runEndMs);
    const assistants = createAssistantsRunsClient(openai);
    let started = performance.now();
    const assistantSteps = await allSteps(assistants, thread.id, run.id);
    loaded.push({ api: 'Assistants', steps: assistantSteps, status: (await assistants.getRun(thread.id, run.id)).run.status, loadMs: performance.now() - started });

    const conversation = await openai.conversations.create({});
    const responses = createResponsesRunsClient(openai, { assistants: { asst_bulk: { model: 'gpt-4o', metadata } } });
    const created = await responses.createRun(conversation.id, { assistant_id: 'asst_bulk', additional_messages: [{ role: 'user', content: 'Check every item in the catalogue, one by one.' }] });
    clock.advance(runEndMs);
    started = performance.now();
    const responseSteps = await allSteps(responses, conversation.id, created.id);
    loaded.push({ api: 'Responses', steps: responseSteps, status: (await responses.getRun(conversation.id, created.id)).run.status, loadMs: performance.now() - started });
    return loaded;
  } finally {
    await server.close();
  }
}
