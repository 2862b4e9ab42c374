import type { Query, QueryClient } from '@tanstack/query-core';
import type { Message, RunStep } from '../../api/schemas/index.js';
import { runRef } from '../in-flight.js';
import { onRunForgotten } from '../forget-runs.js';
import { runlensKeys } from '../keys.js';

/*
 * Per-QueryClient bookkeeping of the run streams that feed the cache, like in-flight.ts for
 * mutations. While a run's stream is open its run, step and message queries do not poll: their
 * `refetchInterval` asks `isStreamFeeding`, which sees only the Query, so an index of which
 * QueryClients stream which run sits beside the per-client registry.
 */

/**
 * `open` while events arrive; how it ended otherwise: `closed` (requires_action or terminal),
 * `broken` (cut, or the backend's `error` event), `stalled` (no event for too long), `aborted`.
 */
export type RunStreamStatus = 'open' | 'closed' | 'broken' | 'stalled' | 'aborted';

export interface RunStreamState {
  status: RunStreamStatus;
  /** Why the stream broke, else null. */
  error: Error | null;
}

/**
 * One open stream and the objects it has delivered. Deltas merge into these snapshots, never into
 * whatever the cache holds (a fetch may already contain a delta the stream is about to deliver).
 */
export interface RunStreamEntry {
  threadId: string;
  runId: string;
  steps: Map<string, RunStep>;
  messages: Map<string, Message>;
  /** Stops the stream (a newer one for the same run supersedes it). */
  controller: AbortController;
}

interface Registry {
  open: Map<string, RunStreamEntry>;
  /** The last known state per run, including ended streams, for `useRunStreamStatus`. */
  states: Map<string, RunStreamState>;
  listeners: Set<() => void>;
}

const registries = new WeakMap<QueryClient, Registry>();
const clientsByRun = new Map<string, Set<QueryClient>>();

function registry(queryClient: QueryClient): Registry {
  let entry = registries.get(queryClient);
  if (!entry) {
    const created: Registry = { open: new Map(), states: new Map(), listeners: new Set() };
    // An ended stream's state outlives the stream (useRunStreamStatus shows it), not the run's query.
    onRunForgotten(queryClient, (threadId, runId) => {
      const ref = runRef(threadId, runId);
      if (!created.open.has(ref) && created.states.delete(ref)) notify(created);
    });
    registries.set(queryClient, (entry = created));
  }
  return entry;
}

function notify(reg: Registry): void {
  for (const listener of reg.listeners) listener();
}

/**
 * Re-reads `refetchInterval` on every observer of the run's queries (and of the stream's
 * messages). TanStack only re-reads it when a query changes, and opening or closing a stream
 * changes no data.
 */
function recomputePolling(queryClient: QueryClient, entry: RunStreamEntry): void {
  const cache = queryClient.getQueryCache();
  const queries = [
    ...cache.findAll({ queryKey: runlensKeys.run(entry.threadId, entry.runId) }),
    ...[...entry.messages.keys()].flatMap((id) => cache.findAll({ queryKey: runlensKeys.message(entry.threadId, id) })),
  ];
  for (const query of queries) for (const observer of query.observers) observer.setOptions(observer.options);
}

/** Registers a stream for the run; an older one still open for it is stopped. */
export function registerRunStream(
  queryClient: QueryClient,
  threadId: string,
  runId: string,
  controller: AbortController,
): RunStreamEntry {
  const reg = registry(queryClient);
  const ref = runRef(threadId, runId);
  reg.open.get(ref)?.controller.abort();
  const entry: RunStreamEntry = { threadId, runId, steps: new Map(), messages: new Map(), controller };
  reg.open.set(ref, entry);
  reg.states.set(ref, { status: 'open', error: null });
  let clients = clientsByRun.get(ref);
  if (!clients) clientsByRun.set(ref, (clients = new Set()));
  clients.add(queryClient);
  recomputePolling(queryClient, entry);
  notify(reg);
  return entry;
}

/**
 * Unregisters a stream, so its run polls again by the policy. `state` null means it never opened
 * (the request was refused): the run's previous stream state is forgotten too.
 */
export function unregisterRunStream(queryClient: QueryClient, entry: RunStreamEntry, state: RunStreamState | null): void {
  const reg = registry(queryClient);
  const ref = runRef(entry.threadId, entry.runId);
  if (reg.open.get(ref) !== entry) return;
  reg.open.delete(ref);
  if (state) reg.states.set(ref, state);
  else reg.states.delete(ref);
  const clients = clientsByRun.get(ref);
  clients?.delete(queryClient);
  if (clients?.size === 0) clientsByRun.delete(ref);
  recomputePolling(queryClient, entry);
  notify(reg);
}

/** The open stream of a run in this QueryClient, if any. */
export function findOpenRunStream(queryClient: QueryClient, threadId: string, runId: string): RunStreamEntry | undefined {
  return registries.get(queryClient)?.open.get(runRef(threadId, runId));
}

/** The message as an open stream of its thread last delivered it. */
export function streamedMessage(queryClient: QueryClient, threadId: string, messageId: string): Message | undefined {
  for (const entry of registries.get(queryClient)?.open.values() ?? []) {
    if (entry.threadId === threadId && entry.messages.has(messageId)) return entry.messages.get(messageId);
  }
  return undefined;
}

/** True when `query` belongs to a QueryClient with an open stream for the run: it need not poll. */
export function isStreamFeeding(query: Query<any, any, any, any>, threadId: string, runId: string): boolean {
  for (const queryClient of clientsByRun.get(runRef(threadId, runId)) ?? []) {
    if (queryClient.getQueryCache().get(query.queryHash) === query) return true;
  }
  return false;
}

/** The run's stream state in this QueryClient, or null when no stream was opened for it. */
export function runStreamState(queryClient: QueryClient, threadId: string, runId: string): RunStreamState | null {
  return registries.get(queryClient)?.states.get(runRef(threadId, runId)) ?? null;
}

/** Calls `listener` whenever a stream of this QueryClient opens or ends. */
export function subscribeRunStreams(queryClient: QueryClient, listener: () => void): () => void {
  const reg = registry(queryClient);
  reg.listeners.add(listener);
  return () => reg.listeners.delete(listener);
}

/** How many entries the registry holds (tests check it returns to where it was). */
export function runStreamRegistrySize(queryClient: QueryClient): { open: number; states: number; listeners: number } {
  const reg = registries.get(queryClient);
  return { open: reg?.open.size ?? 0, states: reg?.states.size ?? 0, listeners: reg?.listeners.size ?? 0 };
}
