import { cleanup } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type OpenAI from 'openai';
import type { ReactNode } from 'react';
import { afterEach } from 'vitest';
import { createAssistantsRunsClient } from '../../src/backends/assistants/client';
import { responsesBackend } from '../support/responses-backend';
import type { RunsClient } from '../../src/api/client';
import { demoIds, type Emulator, type ManualClock } from '../../src/emulator';
import type { PollingTuning } from '../../src/query/polling';
import { RunsProvider } from '../../src/react/RunsProvider';
import { startTestBackend } from '../support/emulator';

/*
 * The backend of test/support/emulator.ts (emulator over HTTP on 127.0.0.1, manual clock, the
 * official SDK), seeded, with a QueryClient and the providers around it.
 */
export interface Harness {
  /** The API the hooks talk to. */
  backend: BackendName;
  emulator: Emulator;
  clock: ManualClock;
  openai: OpenAI;
  client: RunsClient;
  queryClient: QueryClient;
  polling: Partial<PollingTuning>;
  wrapper: (props: { children: ReactNode }) => ReactNode;
  /** A new empty thread. */
  createThread(): Promise<string>;
  /** A thread of 48 finished runs: the emulator's seeded history thread (or conversation). */
  historyThread(): Promise<string>;
  /** The seeded demo threads and runs on this backend. */
  demo: DemoData;
  /** GETs of one run (polls) received since `since` (an index into emulator.requests). */
  runPolls(runId: string, since?: number): number;
  /** Index to pass to `runPolls` later. */
  mark(): number;
}

const queryClients: QueryClient[] = [];
// Registered after test/support/emulator.ts's hook, so it runs first: unmount before the server closes.
afterEach(() => {
  cleanup();
  for (const queryClient of queryClients.splice(0)) queryClient.clear();
});

/** Short intervals so hook polling takes milliseconds; the emulator's clock is what tests move. */
export const fastPolling = (clock: ManualClock): Partial<PollingTuning> => ({
  minIntervalMs: 10,
  hintFloorMs: 10,
  maxIntervalMs: 40,
  requiresActionIntervalMs: 40,
  quickPolls: 2,
  backoff: 2,
  expiryGraceMs: 10,
  now: () => clock.now(),
});

/** The two backends every parametrized hook and component suite runs on. */
export const backends = ['assistants', 'responses'] as const;
export type BackendName = (typeof backends)[number];

/** The seeded demo's threads and named runs, on either backend (`expired` is Assistants' alone). */
export interface DemoData {
  threads: { history: string; statuses: string; requiresAction: string; inProgress: string };
  runs: { completed: string; failed: string; cancelled: string; incomplete: string; requiresAction: string; inProgress: string; expired?: string };
}

export const demoOn = (backend: BackendName): DemoData =>
  backend === 'responses' ? { threads: demoIds.conversations, runs: demoIds.responses } : { threads: demoIds.threads, runs: demoIds.runs };

export interface SetupOptions {
  /** Which API the hooks talk to, both on the same emulator. @default 'assistants' */
  backend?: BackendName;
  /** Decorate the client the hooks use (e.g. hold one call back with `holdCalls`). */
  wrapClient?: (client: RunsClient) => RunsClient;
}

export async function setup(options: SetupOptions = {}): Promise<Harness> {
  const { emulator, clock, openai } = await startTestBackend({ seed: true });
  const responses = options.backend === 'responses' ? await responsesBackend(openai, emulator.demoRuns) : undefined;
  const client = responses?.client ?? createAssistantsRunsClient(openai);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const polling = fastPolling(clock);
  const hookClient = options.wrapClient ? options.wrapClient(client) : client;
  queryClients.push(queryClient);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={hookClient} polling={polling}>
        {children}
      </RunsProvider>
    </QueryClientProvider>
  );
  return {
    emulator,
    clock,
    openai,
    client,
    queryClient,
    polling,
    wrapper,
    backend: options.backend ?? 'assistants',
    createThread: async () => (responses ? (await openai.conversations.create({})).id : (await openai.beta.threads.create({})).id),
    historyThread: async () => (responses ? demoIds.conversations.history : demoIds.threads.history),
    demo: demoOn(options.backend ?? 'assistants'),
    mark: () => emulator.requests.length,
    runPolls: (runId, since = 0) => {
      const ids = responses?.responseIdsOf(runId);
      const isPoll = ids
        ? (path: string) => ids.has(path.slice(path.lastIndexOf('/') + 1)) && path.includes('/responses/')
        : (path: string) => path.endsWith(`/runs/${runId}`);
      return emulator.requests.slice(since).filter((r) => r.method === 'GET' && !r.search.includes('stream=true') && isPoll(r.path)).length;
    },
  };
}

export const assistants = demoIds.assistants;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A RunsClient whose `method` calls wait until `release()` (the real call then goes out), so a
 * test can look at the UI while a request is in flight. Decorates the real client; nothing mocked.
 */
export function holdCalls(method: keyof RunsClient) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let calls = 0;
  const wrap = (client: RunsClient): RunsClient =>
    new Proxy(client, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== method || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          calls += 1;
          await gate;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return { wrap, release: () => release(), calls: () => calls };
}

/** Moves emulator time in steps until `promise` settles (for flows that wait on the server). */
export async function advanceUntilSettled<T>(clock: ManualClock, promise: Promise<T>, stepMs = 250): Promise<T> {
  let settled = false;
  const watched = promise.finally(() => {
    settled = true;
  });
  for (let i = 0; i < 200 && !settled; i++) {
    clock.advance(stepMs);
    await sleep(15);
  }
  return watched;
}
