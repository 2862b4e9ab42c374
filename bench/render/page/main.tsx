import { evaluationStart } from './evaluation-start';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import OpenAI from 'openai';
import { Profiler, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createAssistantsRunsClient, type RunsClient, type RunStep } from '../../../src/core';
import { messageSchema, runListSchema, runSchema, runStepListSchema, runStepSchema } from '../../../src/api/schemas';
import { createEmulator, createManualClock } from '../../../src/emulator';
import { RunsProvider } from '../../../src/react';
import { RunInspector } from '../../../src/ui/RunInspector/RunInspector';
import { RunStepListView } from '../../../src/ui/RunStepListView';
import { RunStepView } from '../../../src/ui/RunStepView';
import '../../../src/ui/styles.css';
import { closeWindow, instrumentParse, onPostCommit, onRender, openWindow, timedFetch, type Phases } from './phases';

// Every import above has been evaluated: the bundle's module evaluation ends here.
const evaluationEnd = performance.now();
const missingSchemas = instrumentParse({ messageSchema, runListSchema, runSchema, runStepListSchema, runStepSchema });

// One measurement per page load: ?steps=N&mode=inspector|virtualized|naive.
// inspector — <RunInspector> as shipped, mounted cold: it fetches the run and its first page of steps
//   from the in-page emulator; first render = mount → its step rows painted. (It pages steps with a
//   "Load more steps" button, so it is not scrolled here.) Then, warm: that inspector is unmounted and a
//   fresh one (fresh QueryClient, so it fetches again) is mounted on a second thread of the same size,
//   prepared up front like the first, and timed the same way. Cold minus warm is the one-time page cost
//   (JIT, first Intl use, first zod parse); warm is the component's own cost. The second thread lives
//   in its own emulator (own clock), so its catch-up happens on its first fetch, as the first one's
//   does, and not during the cold mount (every emulator request catches up all of its live runs).
// virtualized — every step of the run (all pages, fetched first) in RunStepListView + RunStepView rows,
//   as RunInspector renders them, virtualized (the default above 50 steps).
// naive — the same rows with virtualize={false}: every step mounted.
// Each timed mount is split into phases (see phases.ts); React's profiling build (aliased in run.ts)
// makes <Profiler> report. ?profile=1 holds the page before and after the cold mount so run.ts can
// record a CPU profile of exactly that mount.

export interface BenchResult {
  steps: number;
  mode: string;
  firstRenderMs: number;
  /** The cold mount split into phases (fetch is the in-page emulator answering). */
  phases: Phases;
  rowsInDom: number;
  frames: number[];
  scrolledPx: number;
  /** The bundle's module evaluation (first module → main.tsx's body), and when it ended (ms since navigation). */
  evaluationMs: number;
  evaluationEndMs: number;
  /** inspector mode: the warm mount (second RunInspector, fresh QueryClient, second thread). */
  warm?: { firstRenderMs: number; phases: Phases; rowsInDom: number };
  error?: string;
}

declare global {
  interface Window {
    __bench?: BenchResult | { error: string };
    /** ?profile=1 handshake with run.ts (see the note at the top). */
    __benchReady?: boolean;
    __benchGo?: () => void;
    __benchColdDone?: boolean;
    __benchResume?: () => void;
  }
}

const params = new URLSearchParams(location.search);
const stepCount = Number(params.get('steps') ?? 100);
const mode = params.get('mode') ?? 'virtualized';
const profiling = params.has('profile');
const held = (name: '__benchGo' | '__benchResume'): Promise<void> => new Promise((resolve) => (window[name] = resolve));
const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

async function prepare() {
  const clock = createManualClock(Date.now());
  const emulator = createEmulator({ clock, seed: false });
  const fetch = timedFetch(emulator.fetch);
  const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: 'https://emulator.runlens.invalid/v1', fetch, dangerouslyAllowBrowser: true });
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', name: 'Bench', metadata: { 'emulator.scenario': 'bulk', 'emulator.steps': String(stepCount) } });
  const run = await openai.beta.threads.createAndRun({ assistant_id: assistant.id });
  clock.advance(2_000 + stepCount * 10);
  // The emulator lays out a run's steps lazily, on the first request after its clock moved (~90 ms
  // for 10 000 steps); a real backend has them stored. Let it do that here, before the mount.
  await openai.beta.threads.runs.retrieve(run.id, { thread_id: run.thread_id });
  const client = createAssistantsRunsClient(openai);
  const steps: RunStep[] = [];
  if (mode !== 'inspector') {
    for (let after: string | undefined; ; ) {
      const page = await client.listRunSteps(run.thread_id, run.id, { limit: 100, order: 'asc', ...(after ? { after } : {}) });
      steps.push(...page.data);
      if (!page.has_more || !page.last_id) break;
      after = page.last_id;
    }
  }
  return { client, threadId: run.thread_id, steps };
}

function stepList(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="list"][aria-label="Run steps"]');
}

/** The element that scrolls the step list: the list itself or its nearest scrollable ancestor. */
function scroller(list: HTMLElement): HTMLElement {
  for (let el: HTMLElement | null = list; el; el = el.parentElement) {
    if (el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(el).overflowY)) return el;
  }
  return document.scrollingElement as HTMLElement;
}

/** Mount → the step list shows its first rows and a frame has been painted with them (ms). */
async function timeFirstRender(root: Root, tree: ReactNode, label: string): Promise<{ ms: number; phases: Phases }> {
  openWindow();
  const start = performance.now();
  performance.mark(`bench:mount${label}`);
  root.render(
    <Profiler id="bench" onRender={onRender} {...{ onPostCommit }}>
      {tree}
    </Profiler>,
  );
  for (let i = 0; ; i += 1) {
    const list = stepList();
    if (list?.querySelector('[role="listitem"]')) break;
    if (performance.now() - start > 60_000) throw new Error('the step list never rendered');
    await (i < 1000 ? Promise.resolve().then(nextFrame) : nextFrame());
  }
  await nextFrame();
  const ms = performance.now() - start;
  const phases = closeWindow();
  performance.measure(`bench:first-render${label}`, `bench:mount${label}`);
  return { ms, phases };
}

/** The setup's garbage (the emulator laying out a long run) collected before a timed mount (run.ts exposes gc). */
function collectSetupGarbage(): void {
  (window as { gc?: () => void }).gc?.();
}

const newQueryClient = (): QueryClient => new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });

const inspectorTree = (queryClient: QueryClient, client: RunsClient, threadId: string): ReactNode => (
  <QueryClientProvider client={queryClient}>
    <RunsProvider client={client}>
      <RunInspector threadId={threadId} />
    </RunsProvider>
  </QueryClientProvider>
);

async function run(): Promise<BenchResult> {
  if (missingSchemas.length > 0) throw new Error(`parse timing: no zod schema exported as ${missingSchemas.join(', ')}`);
  const evaluation = { evaluationMs: evaluationEnd - evaluationStart, evaluationEndMs: evaluationEnd };
  const { client, threadId, steps } = await prepare();
  // The warm mount's thread, prepared up front too (its own emulator: see the note at the top).
  const second = mode === 'inspector' ? await prepare() : null;
  const queryClient = newQueryClient();
  const container = document.getElementById('root') as HTMLElement;
  let root = createRoot(container);
  collectSetupGarbage();
  await nextFrame();
  if (profiling) {
    window.__benchReady = true;
    await held('__benchGo');
  }

  const cold = await timeFirstRender(
    root,
    mode === 'inspector' ? (
      inspectorTree(queryClient, client, threadId)
    ) : (
      <QueryClientProvider client={queryClient}>
        <RunsProvider client={client}>
          <RunStepListView steps={steps} virtualize={mode === 'virtualized'} className="bench-list">
            <RunStepListView.Items>
              {(step) => (
                <RunStepView step={step}>
                  <RunStepView.Details />
                </RunStepView>
              )}
            </RunStepListView.Items>
          </RunStepListView>
        </RunsProvider>
      </QueryClientProvider>
    ),
    '',
  );
  if (profiling) {
    window.__benchColdDone = true;
    await held('__benchResume');
  }

  const firstRenderMs = cold.ms;
  const phases = cold.phases;
  const list = stepList() as HTMLElement;
  const frames: number[] = [];
  if (mode === 'inspector' && second) {
    const rowsInDom = list.querySelectorAll('[role="listitem"]').length;
    // Warm: unmount the cold inspector (and drop its queries), then mount a fresh one on the second thread.
    root.unmount();
    queryClient.clear();
    root = createRoot(container);
    collectSetupGarbage();
    await nextFrame();
    await nextFrame();
    const warmMount = await timeFirstRender(root, inspectorTree(newQueryClient(), second.client, second.threadId), ':warm');
    const warm = { firstRenderMs: warmMount.ms, phases: warmMount.phases, rowsInDom: stepList()?.querySelectorAll('[role="listitem"]').length ?? 0 };
    return { steps: stepCount, mode, firstRenderMs, phases, rowsInDom, frames, scrolledPx: 0, warm, ...evaluation };
  }
  const box = scroller(list);
  // Scripted scroll: 150 frames, up to 240 px a frame (never past the end, so every frame has work),
  // recording requestAnimationFrame deltas.
  const perFrame = Math.max(1, Math.min(240, Math.floor((box.scrollHeight - box.clientHeight) / 160)));
  const from = box.scrollTop;
  let last = await nextFrame();
  for (let i = 0; i < 150; i += 1) {
    box.scrollTop += perFrame;
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  return {
    steps: stepCount,
    mode,
    firstRenderMs,
    rowsInDom: list.querySelectorAll('[role="listitem"]').length,
    frames,
    scrolledPx: box.scrollTop - from,
    phases,
    ...evaluation,
  };
}

run().then(
  (result) => {
    window.__bench = result;
  },
  (error: unknown) => {
    window.__bench = { error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
  },
);
