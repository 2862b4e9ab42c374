'use client';

import { QueryClientContext } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { capabilitiesOf, type RunsCapabilities } from '../api/capabilities.js';
import type { RunsClient } from '../api/client.js';
import { resolvePollingTuning, type PollingTuning } from '../query/polling.js';

export interface RunsContextValue {
  client: RunsClient;
  polling: PollingTuning;
  /** The client's capabilities, each one it leaves out taken as supported. */
  capabilities: RunsCapabilities;
}

export const RunsContext = createContext<RunsContextValue | null>(null);

export interface RunsProviderProps {
  /**
   * The backend, as a `RunsClient`: `createAssistantsRunsClient(openai)` from `runlens/assistants`,
   * or your own. Not an `OpenAI` instance itself: which API it speaks is the app's choice, and only
   * the backend you pick is bundled.
   */
  client: RunsClient;
  /** Polling knobs for every runlens hook below; tests shorten them. @default defaultPollingTuning */
  polling?: Partial<PollingTuning>;
  children?: ReactNode;
}

/** A RunsClient has `getRun`; an `OpenAI` instance (the old way to call RunsProvider) has not. */
function checkRunsClient(client: unknown): asserts client is RunsClient {
  if (typeof (client as Partial<RunsClient> | null)?.getRun === 'function') return;
  const isSdk = typeof client === 'object' && client !== null && 'beta' in client;
  throw new TypeError(
    isSdk
      ? "RunsProvider's client is an OpenAI instance; pass a RunsClient made from it: " +
          "client={createAssistantsRunsClient(openai)}, with createAssistantsRunsClient from 'runlens/assistants'."
      : `RunsProvider's client must be a RunsClient (such as createAssistantsRunsClient(openai) from 'runlens/assistants'); got ${client === null ? 'null' : typeof client}.`,
  );
}

/**
 * Gives runlens hooks their backend. Uses the app's own QueryClient (it never creates one: two
 * caches would split every run in two), so it must sit inside a `QueryClientProvider`.
 *
 * @example
 * const runsClient = createAssistantsRunsClient(new OpenAI({ apiKey, baseURL }));
 *
 * <QueryClientProvider client={queryClient}>
 *   <RunsProvider client={runsClient}>
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
  checkRunsClient(client);
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
  const value = useMemo(() => ({ client, polling: tuning, capabilities: capabilitiesOf(client) }), [client, tuning]);
  return <RunsContext.Provider value={value}>{children}</RunsContext.Provider>;
}
