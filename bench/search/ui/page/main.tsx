import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import OpenAI from 'openai';
import { createRoot } from 'react-dom/client';
import { createAssistantsRunsClient, type RunStep } from '../../../../src/core';
import { createEmulator, createManualClock } from '../../../../src/emulator';
import { RunsProvider } from '../../../../src/react';
import { RunInspector } from '../../../../src/ui/RunInspector/RunInspector';
import '../../../../src/ui/styles.css';

// One trial per page load (?steps=N): <RunInspector> on a thread whose one run is a bulk run of N
// steps from the in-page emulator, step N - 10 the failed `charge_card` call (a run that fails there
// stops there: N - 10 steps, the match on the last page). Timed here with performance.now():
// - firstRows: mount → the step list shows rows (the inspector reads one page of 100 steps);
// - cold: focus the search box, type the query, → the status first reads "1 match" / "1 of 1 match";
//   focus is what makes the inspector read the rest of the run, so this holds reading every other
//   page from the emulator and building the index: time to first result for someone who just opened
//   the run;
// - warm: clear the box (status empty), type the query again → the match is shown (pages loaded,
//   index built);
// - naive: every step read once through the client, then one
//   `steps.filter(s => JSON.stringify(s).toLowerCase().includes(query))` over them.
// Typing is in-page: per character, the input's native value setter and an `input` event (what React's
// onChange listens to), all characters back to back, as a fast typist or a paste would land them.

export interface SearchBenchResult {
  steps: number;
  firstRowsMs: number;
  coldMs: number;
  warmMs: number;
  naiveMs: number;
  naiveMatches: number;
  /** The status text when the match was first shown, cold and warm. */
  coldStatus: string;
  warmStatus: string;
}

declare global {
  interface Window {
    __searchBench?: SearchBenchResult | { error: string };
  }
}

const query = 'charge_card';
const stepCount = Number(new URLSearchParams(location.search).get('steps') ?? 10_000);
const failStep = stepCount - 10;
const limitMs = 120_000;
const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));
// "1 match" or "1 of 1 match" with nothing after it: the match, and the run read to its end.
const found = (status: string): boolean => /^(1 of )?1 match$/.test(status);

async function prepare() {
  const clock = createManualClock(Date.now());
  const emulator = createEmulator({ clock, seed: false });
  const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: 'https://emulator.runlens.invalid/v1', fetch: emulator.fetch, dangerouslyAllowBrowser: true });
  const metadata = { 'emulator.scenario': 'bulk', 'emulator.steps': String(stepCount), 'emulator.fail_step': String(failStep) };
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', name: 'Bench', metadata });
  const run = await openai.beta.threads.createAndRun({ assistant_id: assistant.id });
  clock.advance(2_000 + stepCount * 10);
  // The emulator lays out a run's steps lazily, on the first request after its clock moved; a real
  // backend has them stored. Let it do that here, before the mount (as bench/render does).
  const settled = await openai.beta.threads.runs.retrieve(run.id, { thread_id: run.thread_id });
  if (settled.status !== 'failed') throw new Error(`the run is ${settled.status}, not failed at step ${failStep}`);
  return { client: createAssistantsRunsClient(openai), threadId: run.thread_id, runId: run.id };
}

/** Resolves with performance.now() once `check` holds, checked on every DOM change under `root` (a MutationObserver: no polling). */
function when(root: Node, check: () => boolean, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      if (!check()) return false;
      const at = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
      return true;
    };
    const observer = new MutationObserver(() => void done());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${what}`));
    }, limitMs);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    done();
  });
}

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;

/** The text as typed: one native value set + `input` event per character (React reads the value on input). */
function type(input: HTMLInputElement, text: string): void {
  for (let i = 1; i <= text.length; i += 1) {
    setValue.call(input, text.slice(0, i));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function clear(input: HTMLInputElement): void {
  setValue.call(input, '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function readAll(client: ReturnType<typeof createAssistantsRunsClient>, threadId: string, runId: string): Promise<RunStep[]> {
  const steps: RunStep[] = [];
  for (let after: string | undefined; ; ) {
    const page = await client.listRunSteps(threadId, runId, { limit: 100, order: 'asc', ...(after ? { after } : {}) });
    steps.push(...page.data);
    if (!page.has_more || !page.last_id) return steps;
    after = page.last_id;
  }
}

async function run(): Promise<SearchBenchResult> {
  const { client, threadId, runId } = await prepare();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
  const container = document.getElementById('root') as HTMLElement;
  const root = createRoot(container);
  // The setup's garbage (the emulator laying out the run) collected before timing (run.ts exposes gc).
  (window as { gc?: () => void }).gc?.();
  await nextFrame();

  const mounted = performance.now();
  root.render(
    <QueryClientProvider client={queryClient}>
      <RunsProvider client={client}>
        <RunInspector threadId={threadId} />
      </RunsProvider>
    </QueryClientProvider>,
  );
  const rowsAt = await when(container, () => container.querySelector('[role="list"][aria-label="Run steps"] [role="listitem"]') !== null, 'the first step rows');
  const firstRowsMs = rowsAt - mounted;
  await nextFrame();
  await nextFrame();

  const input = container.querySelector<HTMLInputElement>('input[type="search"][aria-label="Search steps"]');
  const status = container.querySelector<HTMLElement>('[data-slot="trace-search-status"]');
  if (!input || !status) throw new Error('no search box in the inspector');
  const statusText = (): string => status.textContent ?? '';

  // Cold: focus (the inspector starts reading the rest of the run) and type.
  const coldStart = performance.now();
  input.focus();
  type(input, query);
  const coldMs = (await when(container, () => found(statusText()), `"${query}" found (cold)`)) - coldStart;
  const coldStatus = statusText();
  await nextFrame();
  await nextFrame();

  // Warm: clear, wait for the empty status, type again.
  clear(input);
  await when(container, () => statusText() === '', 'an empty status');
  await nextFrame();
  await nextFrame();
  const warmStart = performance.now();
  type(input, query);
  const warmMs = (await when(container, () => found(statusText()), `"${query}" found (warm)`)) - warmStart;
  const warmStatus = statusText();

  // Baseline: the run's steps read once through the client, then the naive scan over them.
  const steps = await readAll(client, threadId, runId);
  (window as { gc?: () => void }).gc?.();
  const naiveStart = performance.now();
  const naiveMatches = steps.filter((s) => JSON.stringify(s).toLowerCase().includes(query)).length;
  const naiveMs = performance.now() - naiveStart;
  return { steps: steps.length, firstRowsMs, coldMs, warmMs, naiveMs, naiveMatches, coldStatus, warmStatus };
}

run().then(
  (result) => {
    window.__searchBench = result;
  },
  (error: unknown) => {
    window.__searchBench = { error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
  },
);
