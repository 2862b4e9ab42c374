import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import OpenAI from 'openai';
import { createRoot } from 'react-dom/client';
import { useRef } from 'react';
import type { Run } from '../../../src/core';
import { createAssistantsRunsClient } from '../../../src/backends/assistants';
import { RunsProvider } from '../../../src/react';
import { useRuns } from '../../../src/react/useRuns';
import { NewRunForm } from '../../../src/ui/RunInspector/NewRunForm';
import { RunDetails } from '../../../src/ui/RunInspector/RunDetails';
import { RunInspector } from '../../../src/ui/RunInspector/RunInspector';
import { RunsPane } from '../../../src/ui/RunInspector/RunsPane';
import '../../../src/ui/styles.css';
import { epochNow, type BridgedRequest, type FromWorker, type LiveSetup, type RequestCounts, type StatusChange, type ToWorker, type WorkerAsk } from './protocol';

// One mode per page load: ?mode=list|rows&runs=100&rounds=5&speed=0.1&seed=7, over a thread of
// `runs` live runs, every page of the list loaded ("Load older runs" clicked until all are rows),
// the newest run open in the details pane:
// list — <RunInspector> as shipped: its list refetches itself while its active runs outnumber its pages.
// rows — the baseline, the behaviour before: the same parts with the list not polling, so every
//   active row is polled by its own run query at the default policy, as useRun polls a run.
// The emulator runs in a Web Worker of this page (emulator-worker.ts); its requests are bridged.

export interface LiveResult {
  mode: string;
  rows: number;
  /** Row statuses on screen when counting started. */
  initial: StatusChange[];
  /** Every status a row showed while observed (MutationObserver on data-state). */
  shown: StatusChange[];
  changes: StatusChange[];
  requests: RequestCounts;
  activeAtStop: number;
  startedAt: number;
  stoppedAt: number;
}

declare global {
  interface Window {
    __live?: { ready: true } | { error: string };
    __liveStart?: () => Promise<void>;
    __liveStop?: (tailMs?: number) => Promise<LiveResult>;
  }
}

const params = new URLSearchParams(location.search);
const mode = params.get('mode') ?? 'list';
const setup: LiveSetup = {
  runs: Number(params.get('runs') ?? 100),
  rounds: Number(params.get('rounds') ?? 5),
  speed: Number(params.get('speed') ?? 0.1),
  seed: Number(params.get('seed') ?? 7),
};

const worker = new Worker(new URL('./emulator-worker.ts', import.meta.url), { type: 'module' });
let nextId = 1;
const pending = new Map<number, (message: FromWorker) => void>();
worker.onmessage = (event: MessageEvent<FromWorker>) => {
  pending.get(event.data.id)?.(event.data);
  pending.delete(event.data.id);
};
function ask<T extends FromWorker['type']>(message: WorkerAsk): Promise<Extract<FromWorker, { type: T }>> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, (answer) => (answer.type === 'error' ? reject(new Error(answer.message)) : resolve(answer as Extract<FromWorker, { type: T }>)));
    worker.postMessage({ ...message, id } satisfies ToWorker);
  });
}

/**
 * fetch for the SDK: the request crosses to the worker as plain data, the answer comes back. The
 * SDK calls it with a URL string and a plain init (string body), read as is: building a Request
 * here would add main-thread work a real fetch does not.
 */
const bridgedFetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
  if (typeof input !== 'string' && !(input instanceof URL)) throw new Error('bridgedFetch takes a URL');
  const given = init.headers ?? {};
  const headers = given instanceof Headers ? [...given] : Array.isArray(given) ? (given as [string, string][]) : Object.entries(given);
  const body = typeof init.body === 'string' ? init.body : init.body == null ? null : await new Response(init.body).text();
  const bridged: BridgedRequest = { url: String(input), method: init.method ?? 'GET', headers, body };
  const answer = ask<'response'>({ type: 'fetch', request: bridged });
  const signal = init.signal;
  const aborted = new Promise<never>((_, reject) => {
    if (signal?.aborted) reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  const { response } = await Promise.race([answer, aborted]);
  return new Response(response.body, { status: response.status, headers: response.headers });
}) as typeof fetch;

const noop = () => undefined;

/**
 * The baseline: RunInspector's own parts, composed as RunInspector composes them, with one change:
 * the list does not refresh itself (`refetchInterval: false`), so useRuns polls every active row
 * by its own run query at the default policy (the behaviour before the list polled).
 */
function BaselineInspector({ threadId }: { threadId: string }) {
  const runsQuery = useRuns(threadId, {}, { refetchInterval: false });
  const selectedRunId = runsQuery.runs[0]?.id ?? null;
  // Seeds the details pane once, as RunInspector does, so list updates do not re-render it.
  const listing = useRef<{ run?: Run; at?: number }>({});
  if (!listing.current.run) listing.current = { run: runsQuery.runs[0], at: runsQuery.dataUpdatedAt };
  return (
    <section className="rl-inspector" data-slot="run-inspector" aria-label="Run inspector">
      <div className="rl-inspector-layout">
      <div className="rl-inspector-side" data-slot="run-inspector-side">
        <RunsPane query={runsQuery} selectedRunId={selectedRunId} onSelect={noop} />
        <NewRunForm threadId={threadId} stream onCreated={noop} />
      </div>
      {selectedRunId ? (
        <RunDetails key={selectedRunId} threadId={threadId} runId={selectedRunId} listedRun={listing.current.run} listedAt={listing.current.at} stream selectedStepId={null} onSelectStep={noop} />
      ) : null}
      </div>
    </section>
  );
}

const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
const options = () => [...document.querySelectorAll<HTMLElement>('[role="listbox"][aria-label="Runs"] [role="option"]')];

async function loadEveryPage(count: number): Promise<void> {
  const start = performance.now();
  while (options().length < count) {
    if (performance.now() - start > 60_000) throw new Error(`only ${options().length} of ${count} rows after 60 s`);
    const older = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Load older runs');
    if (older && !older.disabled) older.click();
    await nextFrame();
  }
}

const rowChange = (row: HTMLElement, at: number): StatusChange => ({ runId: row.dataset.runId ?? '', status: row.dataset.state ?? '', at });

async function main(): Promise<void> {
  const { threadId } = await ask<'ready'>({ type: 'setup', setup });
  const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: 'https://emulator.runlens.invalid/v1', fetch: bridgedFetch, dangerouslyAllowBrowser: true });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  createRoot(document.getElementById('root') as HTMLElement).render(
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={createAssistantsRunsClient(openai)}>
        {mode === 'rows' ? <BaselineInspector threadId={threadId} /> : <RunInspector threadId={threadId} />}
      </RunsProvider>
    </QueryClientProvider>,
  );
  await loadEveryPage(setup.runs);

  const shown: StatusChange[] = [];
  const record = (records: MutationRecord[]) => {
    const at = epochNow();
    for (const mutation of records) {
      const row = mutation.target as HTMLElement;
      if (mutation.type === 'attributes' && row.getAttribute('role') === 'option') shown.push(rowChange(row, at));
      // A row mounted afresh (never expected here) counts as showing its status too.
      for (const node of mutation.addedNodes) if (node instanceof HTMLElement && node.getAttribute('role') === 'option') shown.push(rowChange(node, at));
    }
  };
  const observer = new MutationObserver(record);
  let initial: StatusChange[] = [];
  let startedAt = 0;
  window.__liveStart = async () => {
    await ask<'started'>({ type: 'start' });
    startedAt = epochNow();
    initial = options().map((row) => rowChange(row, startedAt));
    observer.observe(document.querySelector('[role="listbox"][aria-label="Runs"]') as HTMLElement, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  };
  // Counting stops now; rows are watched `tailMs` longer, so a change just before the end is
  // still seen when it shows (not cut off by the end of the window).
  window.__liveStop = async (tailMs = 5_000) => {
    const stopped = await ask<'stopped'>({ type: 'stop' });
    const stoppedAt = epochNow();
    await new Promise((resolve) => setTimeout(resolve, tailMs));
    record(observer.takeRecords());
    observer.disconnect();
    return { mode, rows: options().length, initial, shown, changes: stopped.changes, requests: stopped.requests, activeAtStop: stopped.activeAtStop, startedAt, stoppedAt };
  };
  window.__live = { ready: true };
}

main().catch((error: unknown) => {
  window.__live = { error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
});
