import type OpenAI from 'openai';
import { createAssistantsRunsClient, createMemoryRunIndex, createResponsesRunsClient, type RunsClient } from '../../src/core';
import { demoIds, type Emulator } from '../../src/emulator';
import { demoResponsesAssistants } from '../../test/support/demo-assistants';
import type { BackendGlobal } from './backend-switch';

// What differs between the two APIs when a story's data is built: the RunsClient, how a thread is
// made, and the ids of the seeded demo. The runs themselves are then built the same way on both,
// through the client (stories/support/backend.ts).

export interface StoryApi {
  /** runlens's client for this API over the story's SDK. */
  client: RunsClient;
  /** A new, empty thread (Assistants) or conversation (Responses) for the story's runs. */
  newThread(): Promise<string>;
  /** The id a story's `threadId` has on this API: a seeded demo thread's twin, or the id as given. */
  threadIdOf(threadId: string): string;
  /** The message ids the thread lists, to read only those; null when every message step's message can be read. */
  listedMessageIds(threadId: string): Promise<ReadonlySet<string> | null>;
}

function assistantsApi(openai: OpenAI): StoryApi {
  return {
    client: createAssistantsRunsClient(openai),
    newThread: async () => (await openai.beta.threads.create({ metadata: { topic: 'Storybook' } })).id,
    threadIdOf: (threadId) => threadId,
    async listedMessageIds(threadId) {
      const list = await openai.beta.threads.messages.list(threadId, { limit: 100, order: 'asc' });
      return new Set(list.data.map((message) => message.id));
    },
  };
}

const seededThreadNames = new Map<string, string>(Object.entries(demoIds.threads).map(([name, id]) => [id, name]));

/**
 * A seeded thread's conversation of the same name (`demoIds.threads.statuses` →
 * `demoIds.conversations.statuses`); any other id keeps its tail (`thread_x` → `conv_x`), so a
 * missing thread is a missing conversation.
 */
function conversationIdOf(threadId: string): string {
  const name = seededThreadNames.get(threadId);
  if (name && name in demoIds.conversations) return demoIds.conversations[name as keyof typeof demoIds.conversations];
  return threadId.replace(/^thread_/, 'conv_');
}

async function responsesApi(openai: OpenAI, emulator: Emulator): Promise<StoryApi> {
  const client = createResponsesRunsClient(openai, {
    // The API lists no responses: the index starts with the emulator's seeded runs, as an app's would.
    runIndex: createMemoryRunIndex({ runs: emulator.demoRuns }),
    assistants: await demoResponsesAssistants(openai),
  });
  return {
    client,
    newThread: async () => (await openai.conversations.create({ metadata: { topic: 'Storybook' } })).id,
    threadIdOf: conversationIdOf,
    // A message step's message is read from its run's chain, which always holds it.
    listedMessageIds: async () => null,
  };
}

/** The story's API on `backend`, over `openai` (whose fetch is `emulator.fetch`). */
export function storyApiFor(backend: BackendGlobal, openai: OpenAI, emulator: Emulator): Promise<StoryApi> {
  return backend === 'responses' ? responsesApi(openai, emulator) : Promise.resolve(assistantsApi(openai));
}
