import type { RunsClient } from '../client.js';
import { RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT } from '../schemas/run-step-include.js';
import type { Message, RunStep } from '../schemas/index.js';
import { RUN_BUNDLE_FORMAT, RUN_BUNDLE_VERSION, type RecordedRunEvent, type RunBundle } from './types.js';

export interface CollectRunBundleOptions {
  /** Recorded stream events to carry along (a replay then shows the run as it happened). */
  events?: RecordedRunEvent[];
  signal?: AbortSignal;
  /** Called after each page of steps, with how many are loaded so far. */
  onProgress?(stepsLoaded: number): void;
}

/** Messages read at once: enough to hide latency, few enough not to trip a rate limit. */
const MESSAGE_READS_AT_ONCE = 4;

/** The ids of the messages `steps` wrote, each once, in step order. */
function messageIdsOf(steps: readonly RunStep[]): string[] {
  const ids = new Set<string>();
  for (const step of steps) {
    if (step.step_details.type === 'message_creation') ids.add(step.step_details.message_creation.message_id);
  }
  return [...ids];
}

/**
 * Reads one run, all its steps (100 a page, oldest first, with file-search content) and the
 * messages they wrote through `client`, as a `RunBundle`. Nothing is reshaped: the objects are
 * what the backend returned. Abort with `signal`.
 *
 * @example
 * const bundle = await collectRunBundle(client, threadId, runId, { onProgress: (n) => setLoaded(n) });
 * const json = JSON.stringify(bundle);
 */
export async function collectRunBundle(
  client: RunsClient,
  threadId: string,
  runId: string,
  options: CollectRunBundleOptions = {},
): Promise<RunBundle> {
  const { signal } = options;
  const { run } = await client.getRun(threadId, runId, { signal });
  const steps: RunStep[] = [];
  for (let after: string | undefined; ; ) {
    signal?.throwIfAborted();
    const page = await client.listRunSteps(
      threadId,
      runId,
      { limit: 100, order: 'asc', include: [RUN_STEP_INCLUDE_FILE_SEARCH_CONTENT], ...(after !== undefined && { after }) },
      { signal },
    );
    for (const step of page.data) steps.push(step);
    options.onProgress?.(steps.length);
    if (!page.has_more || page.last_id === null) break;
    after = page.last_id;
  }
  const ids = messageIdsOf(steps);
  const messages = new Array<Message>(ids.length);
  let next = 0;
  const reader = async () => {
    for (let i = next++; i < ids.length; i = next++) messages[i] = await client.getMessage(threadId, ids[i]!, { signal });
  };
  await Promise.all(Array.from({ length: Math.min(MESSAGE_READS_AT_ONCE, ids.length) }, reader));
  return {
    format: RUN_BUNDLE_FORMAT,
    version: RUN_BUNDLE_VERSION,
    exportedAt: new Date().toISOString(),
    run,
    steps,
    messages,
    ...(options.events && { events: options.events }),
  };
}
