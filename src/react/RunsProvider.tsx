'use client';

import { QueryClientContext } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { RunsClient } from '../api/client.js';
import { createOpenAIRunsClient, type OpenAIRunsSdk } from '../api/openai.js';
import { resolvePollingTuning, type PollingTuning } from '../query/polling.js';

export interface RunsContextValue {
  client: RunsClient;
  polling: PollingTuning;
}

export const RunsContext = createContext<RunsContextValue | null>(null);

export interface RunsProviderProps {
  /** A `RunsClient`, or your own `OpenAI` instance (wrapped with `createOpenAIRunsClient`). */
  client: RunsClient | OpenAIRunsSdk;
  /** Polling knobs for every runlens hook below; tests shorten them. @default defaultPollingTuning */
  polling?: Partial<PollingTuning>;
  children?: ReactNode;
}

/** The SDK shape: anything with `beta.threads.runs` is an OpenAI instance, not a RunsClient. */
function isOpenAISdk(client: RunsClient | OpenAIRunsSdk): client is OpenAIRunsSdk {
  const beta = (client as { beta?: { threads?: { runs?: unknown } } }).beta;
  return typeof beta?.threads?.runs === 'object' && beta.threads.runs !== null;
}

/**
 * Gives runlens hooks their backend. Uses the app's own QueryClient (it never creates one: two
 * caches would split every run in two), so it must sit inside a `QueryClientProvider`.
 *
 * @example
 * <QueryClientProvider client={queryClient}>
 *   <RunsProvider client={openai}>
 *     <App />
 *   </RunsProvider>
 * </QueryClientProvider>
 */
export function RunsProvider({ client, polling, children }: RunsProviderProps) {
  if (!useContext(QueryClientContext)) {
    throw new Error(
      'RunsProvider needs a QueryClientProvider above it. runlens uses your app’s QueryClient and never ' +
        'creates its own; wrap your app in <QueryClientProvider client={queryClient}>.',
    );
  }
  const runsClient = useMemo(() => (isOpenAISdk(client) ? createOpenAIRunsClient(client) : client), [client]);
  // Rebuilt only when a knob changes, not whenever the app passes a fresh object literal.
  const { minIntervalMs, hintFloorMs, maxIntervalMs, backoff, quickPolls, likelyIntervalMs, phaseTimes, requiresActionIntervalMs, expiryGraceMs, now, streamStallMs } =
    polling ?? {};
  const tuning = useMemo(
    () =>
      resolvePollingTuning({
        minIntervalMs,
        hintFloorMs,
        maxIntervalMs,
        backoff,
        quickPolls,
        likelyIntervalMs,
        phaseTimes,
        requiresActionIntervalMs,
        expiryGraceMs,
        now,
        streamStallMs,
      }),
    [minIntervalMs, hintFloorMs, maxIntervalMs, backoff, quickPolls, likelyIntervalMs, phaseTimes, requiresActionIntervalMs, expiryGraceMs, now, streamStallMs],
  );
  const value = useMemo(() => ({ client: runsClient, polling: tuning }), [runsClient, tuning]);
  return <RunsContext.Provider value={value}>{children}</RunsContext.Provider>;
}
