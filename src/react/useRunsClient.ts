'use client';

import { useContext } from 'react';
import type { RunsClient } from '../api/client.js';
import { RunsContext, type RunsContextValue } from './RunsProvider.js';

/** The client and polling tuning from the nearest RunsProvider. */
export function useRunsContext(): RunsContextValue {
  const value = useContext(RunsContext);
  if (!value) {
    throw new Error('runlens hooks need a <RunsProvider client={…}> above them (inside your QueryClientProvider).');
  }
  return value;
}

/**
 * The `RunsClient` the nearest RunsProvider holds, for calls the hooks do not cover.
 *
 * @example
 * const client = useRunsClient();
 * const { run } = await client.getRun(threadId, runId);
 */
export function useRunsClient(): RunsClient {
  return useRunsContext().client;
}
