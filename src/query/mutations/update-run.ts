import { capabilitiesOf, whyUnsupported } from '../../api/capabilities.js';
import { RunsApiError } from '../../api/errors.js';
import type { RunsClient } from '../../api/client.js';
import type { Metadata, Run } from '../../api/schemas/index.js';
import { checkUpdateRunParams } from '../../api/checks.js';
import { readCachedRun, writeRun } from '../cache.js';
import { runlensMutationKeys } from '../keys.js';
import { noMutationRetry, stopRunFetches, type RunlensMutationOptions } from './shared.js';

export interface UpdateRunVariables {
  metadata: Metadata;
}

/**
 * Replaces a run's metadata. The limits (16 keys, key ≤ 64, value ≤ 512 chars) are checked before
 * sending; the new metadata shows at once and is rolled back if the server says no.
 *
 * @example
 * await new MutationObserver(queryClient, updateRunMutationOptions(client, 'thread_1', 'run_1'))
 *   .mutate({ metadata: { label: 'nightly' } });
 */
export function updateRunMutationOptions(
  client: RunsClient,
  threadId: string,
  runId: string,
): RunlensMutationOptions<Run, UpdateRunVariables> {
  return {
    mutationKey: runlensMutationKeys.updateRun(threadId, runId),
    mutationFn: async ({ metadata }, { client: queryClient }) => {
      // Checked here, before the optimistic write, so an over-limit edit (or one the backend can't
      // make at all) never flashes on screen.
      const unsupported = whyUnsupported(capabilitiesOf(client).updateMetadata);
      if (unsupported) throw RunsApiError.beforeSend('metadata', unsupported);
      const problem = checkUpdateRunParams({ metadata });
      if (problem) throw problem;
      await stopRunFetches(queryClient, threadId, runId);
      const before = readCachedRun(queryClient, threadId, runId);
      if (before) writeRun(queryClient, { ...before, metadata });
      try {
        const run = await client.updateRun(threadId, runId, { metadata });
        writeRun(queryClient, run);
        return run;
      } catch (error) {
        // Put the old metadata back on whatever the run looks like now (a poll may have moved its status).
        const now = readCachedRun(queryClient, threadId, runId);
        if (before && now) writeRun(queryClient, { ...now, metadata: before.metadata });
        throw error;
      }
    },
    retry: noMutationRetry,
  };
}
