import type OpenAI from 'openai';
import type { ResponsesAssistant } from '../../src/backends/responses/client';
import { demoIds } from '../../src/emulator';

/**
 * The seeded demo assistants (one per emulator scenario) as the Responses client's `assistants`
 * option, read from the emulator's Assistants API: each id stands for its model and its `emulator.*`
 * metadata, so a test or story that starts runs with `demoIds.assistants.*` runs on both backends.
 * `expire` has no Responses counterpart (no deadlines): there it is a function call left unanswered.
 * Browser-safe: the tests (responses-backend.ts) and the stories (stories/support) both use it.
 */
export async function demoResponsesAssistants(openai: OpenAI): Promise<Record<string, ResponsesAssistant>> {
  const seeded = await Promise.all(Object.values(demoIds.assistants).map((id) => openai.beta.assistants.retrieve(id)));
  return Object.fromEntries(
    seeded.map((assistant) => {
      const metadata = { ...(assistant.metadata as Record<string, string>) };
      if (metadata['emulator.scenario'] === 'expire') metadata['emulator.scenario'] = 'function_call';
      return [assistant.id, { model: assistant.model, metadata }];
    }),
  );
}
