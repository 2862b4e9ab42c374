import type OpenAI from 'openai';
import type { RunsClient } from '../../src/api/client';
import { createResponsesRunsClient } from '../../src/backends/responses/client';
import { createMemoryRunIndex, type RunIndex } from '../../src/backends/responses/run-index/index';
import type { DemoRun } from '../../src/emulator';
import { demoResponsesAssistants } from './demo-assistants';

/**
 * The Responses backend with the demo assistant ids standing for each emulator scenario (the
 * Responses API has no assistants), so a test that starts runs with `assistants.*` runs on both.
 * Also keeps each run's response ids, for counting its polls.
 */
export async function responsesBackend(
  openai: OpenAI,
  demoRuns: readonly DemoRun[] = [],
): Promise<{ client: RunsClient; responseIdsOf: (runId: string) => ReadonlySet<string> }> {
  // Seeded with the emulator's demo runs, as an app on the emulator would (the API lists none).
  const index = createMemoryRunIndex({ runs: demoRuns });
  const chains = new Map<string, Set<string>>(demoRuns.map((run) => [run.runId, new Set(run.responseIds)]));
  const runIndex: RunIndex = {
    ...index,
    recordRun: async (run) => {
      await index.recordRun(run);
      chains.set(run.runId, new Set([run.runId]));
    },
    appendResponse: async (runId, responseId) => {
      await index.appendResponse(runId, responseId);
      chains.get(runId)?.add(responseId);
    },
  };
  // Each seeded demo assistant's settings (its `emulator.*` metadata), as the Assistants emulator has them.
  const demoAssistants = await demoResponsesAssistants(openai);
  return {
    client: createResponsesRunsClient(openai, { runIndex, assistants: demoAssistants }),
    responseIdsOf: (runId) => chains.get(runId) ?? new Set([runId]),
  };
}

