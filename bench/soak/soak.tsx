// The soak itself (run.ts sets up the counted timers and the jsdom window first): RunInspector
// open through warm-up runs, a simulated hour of runs on one thread, and moves to empty threads
// in between; samples at each step. See run.ts for what is printed.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { writeHeapSnapshot } from 'node:v8';
import OpenAI from 'openai';
import { createRoot } from 'react-dom/client';
import type { PollingTuning } from '../../src/query/polling';
import { createAssistantsRunsClient } from '../../src/backends/assistants';
import { RunsProvider } from '../../src/react/RunsProvider';
import { RunInspector } from '../../src/ui';
import { driveRun, RUN_MAX_MS, runKinds } from './drive-run';
import { listedRuns, waitForScreen } from './inspector-driver';
import { takeSample, type Sample } from './measure';
import { SOAK_START_MS, startSoakEmulator, type RequestCounts } from './soak-emulator';
import { benchSetTimeout } from './timers';

export interface SoakOptions {
  runs: number;
  /** Emulator time the runs are spread over. */
  simulatedMs: number;
  /** Runs before the baseline, so it is not taken on a cold process (JIT, lazily loaded code, first errors). */
  warmupRuns: number;
  /** TanStack's gcTime for queries and mutations: how long an entry nobody shows stays cached. */
  gcTimeMs: number;
  /** A sample every this many runs (the peak is the largest of them). */
  sampleEvery: number;
  onProgress?(done: number, sample: Sample): void;
}

export interface SoakResult {
  /** `cold` (first settle), `start` (the baseline), one per `sampleEvery` runs, `end`. */
  samples: Sample[];
  /** Emulator requests per emulator minute of the hour. */
  requests: RequestCounts;
  /** Requests per wall minute while the inspector sat on an empty thread, before the hour and after it. */
  idleRequestsPerMinute: { before: number; after: number };
  /** How the hour's runs ended, by the status the inspector showed. */
  outcomes: Record<string, number>;
  listedAtPeak: number;
  wallMs: number;
}

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const emulator = await startSoakEmulator();
  let simulatedNow = SOAK_START_MS;
  const advance = async (ms: number) => {
    if (ms > 0) simulatedNow = await emulator.advance(ms);
  };
  const openai = new OpenAI({ apiKey: 'sk-soak', baseURL: emulator.url, dangerouslyAllowBrowser: true });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { gcTime: options.gcTimeMs }, mutations: { gcTime: options.gcTimeMs } },
  });
  // Polling runs on real timers while the emulator's time jumps: short intervals keep a poll from
  // waiting seconds of wall time for a run that moved in one jump; `now` is the emulator's time.
  const polling: Partial<PollingTuning> = {
    minIntervalMs: 50,
    hintFloorMs: 50,
    maxIntervalMs: 250,
    requiresActionIntervalMs: 250,
    now: () => simulatedNow,
  };
  // The picker's choices: one demo assistant per scenario the runs use.
  const assistants = (['message', 'function_call', 'slow'] as const).map((scenario) => ({ id: emulator.assistants[scenario]!, name: scenario }));
  const root = createRoot(document.getElementById('root')!);
  const samples: Sample[] = [];
  const snapshot = (name: string) =>
    // SOAK_HEAP_SNAPSHOTS=<dir>: heap snapshots at the baseline, after the last run and at the end, to diff when the heap grew.
    process.env.SOAK_HEAP_SNAPSHOTS && writeHeapSnapshot(`${process.env.SOAK_HEAP_SNAPSHOTS}/${name}.heapsnapshot`);

  /** Shows a fresh empty thread and waits until the inspector settled on it. */
  const showEmptyThread = async () => {
    const threadId = (await openai.beta.threads.create({})).id;
    root.render(
      <QueryClientProvider client={queryClient}>
        <RunsProvider client={createAssistantsRunsClient(openai)} polling={polling}>
          <RunInspector threadId={threadId} assistants={assistants} />
        </RunsProvider>
      </QueryClientProvider>,
    );
    await waitForScreen(`the inspector to settle on the empty thread ${threadId}`, () => document.querySelector('[data-slot="run-list-empty"]'));
    return threadId;
  };
  /** The runs are gone: a fresh empty thread on screen and gcTime passed. Also counts the requests per wall minute meanwhile. */
  const leaveRunsBehind = async () => {
    const threadId = await showEmptyThread();
    const from = { at: performance.now(), total: (await emulator.requests()).total };
    await new Promise((resolve) => benchSetTimeout(resolve, options.gcTimeMs + 1_000));
    const idlePerMinute = (((await emulator.requests()).total - from.total) * 60_000) / (performance.now() - from.at);
    return { threadId, idlePerMinute };
  };
  /** `count` runs on `threadId`, one every `slotMs` of emulator time. */
  const driveRuns = async (threadId: string, count: number, slotMs: number, afterEach?: (done: number, status: string) => void) => {
    const from = simulatedNow;
    for (let i = 0; i < count; i += 1) {
      const status = await driveRun({ emulator, advance }, threadId, runKinds[i % runKinds.length]!);
      await advance(from + (i + 1) * slotMs - simulatedNow);
      afterEach?.(i + 1, status);
    }
  };

  try {
    const warmupThread = await showEmptyThread();
    samples.push(takeSample('cold', queryClient));
    await driveRuns(warmupThread, options.warmupRuns, RUN_MAX_MS);
    // The baseline: the same state as the end (an empty thread, gcTime passed since runs were on screen).
    const before = await leaveRunsBehind();
    samples.push(takeSample('start', queryClient));
    snapshot('start');

    const hourStart = simulatedNow;
    const outcomes: Record<string, number> = {};
    let listedAtPeak = 0;
    await driveRuns(before.threadId, options.runs, options.simulatedMs / options.runs, (done, status) => {
      outcomes[status] = (outcomes[status] ?? 0) + 1;
      if (done % options.sampleEvery !== 0 && done !== options.runs) return;
      listedAtPeak = Math.max(listedAtPeak, listedRuns());
      const sample = takeSample(`${done} runs`, queryClient);
      samples.push(sample);
      options.onProgress?.(done, sample);
    });
    const requests = await emulator.requests(hourStart);
    snapshot('hour');

    const after = await leaveRunsBehind();
    samples.push(takeSample('end', queryClient));
    snapshot('end');
    return {
      samples,
      requests,
      idleRequestsPerMinute: { before: before.idlePerMinute, after: after.idlePerMinute },
      outcomes,
      listedAtPeak,
      wallMs: performance.now() - started,
    };
  } catch (error) {
    console.error(`The emulator's last requests:\n  ${(await emulator.recent(25)).join('\n  ')}`);
    throw error;
  } finally {
    root.unmount();
    queryClient.clear();
    await emulator.close();
  }
}
