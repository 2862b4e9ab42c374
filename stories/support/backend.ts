import OpenAI from 'openai';
import type { CreateRunParams, Message, Run, RunsCapabilities, RunStep, RunsClient } from '../../src/core';
import { createEmulator, createManualClock, createSystemClock, demoIds, type Clock, type Emulator, type ManualClock, type ScenarioName } from '../../src/emulator';
import { storyApiFor } from './backend-apis';
import { backendGlobalOf, defaultBackend, type BackendGlobal } from './backend-switch';

// The per-story backend: an in-browser emulator with the seeded demo data, the official SDK over it
// (no network: `fetch: emulator.fetch`), runlens's client for the chosen API (the Backend toolbar:
// Assistants or Responses) and the story's runs built through that client with the clock moved to
// the state the story is about. Stories never type fixtures: every Run, RunStep and Message they
// show came out of the emulator.

/** One run a story needs, built through the story's client on its thread (a conversation on Responses). */
export interface RunPlan {
  /** The demo assistant (one per scenario) the run uses. */
  scenario: ScenarioName;
  /** Run metadata; `emulator.*` keys tune the scenario (`emulator.steps`, `emulator.text`, `emulator.parallel`…). */
  metadata?: Record<string, string>;
  /** Emulator ms to move the manual clock after creating the run (0 = still queued). @default run to its end */
  advanceMs?: number;
  /** Answer every tool call with this output once the run asks (`submitToolOutputs`), then run to the end. */
  answer?: string;
  /** Cancel the run after advancing (→ `cancelling`; advance again for `cancelled`. Responses cancels at once). */
  cancel?: boolean;
  /** Emulator ms to move the clock after cancelling. @default 0 */
  afterCancelMs?: number;
  /** Extra create-run parameters (`RunsClient.createRun`'s). */
  params?: Partial<CreateRunParams>;
}

export interface EmulatorParameters {
  /** `manual` (default): time moves only as the plan says. `{ speed }`: a live system clock. */
  clock?: 'manual' | { speed: number };
  /** Runs to create, in order, on a new thread (each but the last should reach a terminal status). */
  runs?: RunPlan[];
  /**
   * Show an existing thread instead: a seeded one (`demoIds.threads.*`; on Responses its
   * `demoIds.conversations.*` twin) or one that does not exist (`thread_x`; on Responses `conv_x`).
   */
  threadId?: string;
  /** `hang`: once the plan is built, every request stays pending (loading states). */
  network?: 'ok' | 'hang';
  /** Load every step of the last run (all pages) into `backend.steps`. @default true */
  loadSteps?: boolean;
  /** What the RunsProvider's client says it can do (a backend that can do less than Assistants). */
  capabilities?: Partial<RunsCapabilities>;
}

export interface StoryBackend {
  /** The API the client talks to (the `backend` global). */
  name: BackendGlobal;
  emulator: Emulator;
  clock: Clock;
  /** The manual clock, when the story uses one. */
  manualClock?: ManualClock;
  /** The SDK the RunsProvider uses. */
  openai: OpenAI;
  /** runlens's schema-checked client over the same SDK (what primitives' data is read with). */
  client: RunsClient;
  /** The story's thread; on Responses a conversation id. */
  threadId: string;
  /** The story's runs as the API returns them now, newest first. */
  runs: Run[];
  /** The last run (the one the story is about), if any. */
  run: Run | undefined;
  /** Every step of `run`, oldest first (with file_search chunk content). */
  steps: RunStep[];
  /** The thread's messages, by id. */
  messages: Map<string, Message>;
}

/** Long enough after creation for any non-bulk scenario to end (slow: 120.5 s; bulk: 0.5 s + 10 ms a step + 1 s). */
function endOf(plan: RunPlan): number {
  if (plan.scenario === 'bulk') return 2_000 + Number(plan.metadata?.['emulator.steps'] ?? 100) * 10;
  if (plan.scenario === 'expire') return 601_000;
  if (plan.scenario === 'function_call' && plan.answer !== undefined) return 2_000;
  if (plan.scenario === 'slow') return 121_000;
  return 5_000;
}

const hang = (): Promise<Response> => new Promise<Response>(() => undefined);

const wallTimeUp = new Error('wall time up');

/**
 * The manual clock as the story's emulator sees it. With no faults on it is the manual clock itself.
 * While a fault profile is on (the Faults toolbar, a story's `globals.faults`), a sleep also ends after
 * the same ms of wall time, so fault latency and slow bodies play out in front of you instead of
 * waiting for a clock nobody moves, and the story's runs stay where its plan put them (their time
 * still moves only with `manualClock.advance()`). A run stream woken early just looks again and sleeps on.
 */
function storyClock(manual: ManualClock, faultsOn: () => boolean): Clock {
  return {
    now: () => manual.now(),
    sleep(ms, signal) {
      if (ms <= 0 || signal?.aborted || !faultsOn()) return manual.sleep(ms, signal);
      const stop = new AbortController();
      const onAbort = (): void => stop.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const timer = setTimeout(() => stop.abort(wallTimeUp), ms);
      return manual
        .sleep(ms, stop.signal)
        .catch((error: unknown) => {
          if (error !== wallTimeUp) throw error;
        })
        .finally(() => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        });
    },
  };
}

export const emulatorBaseURL = 'https://emulator.runlens.invalid/v1';

export async function loadBackend(parameters: EmulatorParameters = {}, name: BackendGlobal = defaultBackend): Promise<StoryBackend> {
  const live = typeof parameters.clock === 'object' ? parameters.clock : undefined;
  const manualClock = live ? undefined : createManualClock(Date.now());
  const clock = live ? createSystemClock({ speed: live.speed }) : (manualClock as ManualClock);
  let faultsOn = (): boolean => false;
  const emulator = createEmulator({ clock: manualClock ? storyClock(manualClock, () => faultsOn()) : clock, seed: true });
  faultsOn = () => emulator.faults.profile !== null;
  let hanging = false;
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => (hanging ? hang() : emulator.fetch(input, init))) as typeof globalThis.fetch;
  const openai = new OpenAI({ apiKey: 'sk-emulator', baseURL: emulatorBaseURL, fetch, dangerouslyAllowBrowser: true, maxRetries: 0 });
  const api = await storyApiFor(name, openai, emulator);
  // A story's capabilities stand in for the client's own, each one it names.
  const client: RunsClient = parameters.capabilities ? { ...api.client, capabilities: { ...api.client.capabilities, ...parameters.capabilities } } : api.client;

  let threadId = parameters.threadId && api.threadIdOf(parameters.threadId);
  let run: Run | undefined;
  if (!threadId) {
    threadId = await api.newThread();
    for (const plan of parameters.runs ?? []) run = await buildRun(api.client, threadId, plan, manualClock);
  }

  const runs: Run[] = [];
  const steps: RunStep[] = [];
  const messages = new Map<string, Message>();
  if (threadId && (parameters.runs || parameters.threadId)) {
    const page = await client.listRuns(threadId, { limit: 100 }).catch(() => undefined);
    runs.push(...(page?.data ?? []));
    run ??= runs[0];
    if (run && parameters.loadSteps !== false) {
      for (let after: string | undefined; ; ) {
        const stepPage = await client.listRunSteps(threadId, run.id, {
          limit: 100,
          order: 'asc',
          include: ['step_details.tool_calls[*].file_search.results[*].content'],
          ...(after ? { after } : {}),
        });
        steps.push(...stepPage.data);
        if (!stepPage.has_more || !stepPage.last_id) break;
        after = stepPage.last_id;
      }
      const listed = await api.listedMessageIds(threadId);
      for (const step of steps) {
        if (step.step_details.type !== 'message_creation') continue;
        const id = step.step_details.message_creation.message_id;
        if (!listed || listed.has(id)) messages.set(id, await client.getMessage(threadId, id));
      }
    }
  }
  hanging = parameters.network === 'hang';
  return { name, emulator, clock, manualClock, openai, client, threadId, runs, run, steps, messages };
}

/** Creates one planned run through `client` and moves the clock as the plan says; the run as it is then. */
async function buildRun(client: RunsClient, threadId: string, plan: RunPlan, manualClock: ManualClock | undefined): Promise<Run> {
  const created = await client.createRun(threadId, {
    assistant_id: demoIds.assistants[plan.scenario],
    additional_messages: [{ role: 'user', content: `Please run the ${plan.scenario} scenario.` }],
    ...(plan.metadata ? { metadata: plan.metadata } : {}),
    ...plan.params,
  });
  manualClock?.advance(plan.advanceMs ?? endOf(plan));
  if (plan.answer !== undefined) {
    const { run: waiting } = await client.getRun(threadId, created.id);
    const calls = waiting.required_action?.submit_tool_outputs.tool_calls ?? [];
    await client.submitToolOutputs(threadId, created.id, { tool_outputs: calls.map((call) => ({ tool_call_id: call.id, output: plan.answer ?? '' })) });
    manualClock?.advance(5_000);
  }
  if (plan.cancel) {
    await client.cancelRun(threadId, created.id);
    manualClock?.advance(plan.afterCancelMs ?? 0);
  }
  return (await client.getRun(threadId, created.id)).run;
}

const mounted = new WeakMap<AbortSignal, { name: BackendGlobal; backend: Promise<StoryBackend> }>();

/**
 * The preview's loader: one backend per mount of a story and `backend` global. Storybook runs
 * loaders again on every re-render (a toolbar global or a control changed), with the same
 * `abortSignal` until the story is remounted; that re-render keeps this backend (the same emulator,
 * thread and runs) instead of building a new one, so the Faults toolbar switches faults on the
 * emulator the story already shows. A change of the Backend toolbar builds a new one on the other API.
 */
export function loadStoryBackend(context: {
  abortSignal?: AbortSignal;
  globals?: Record<string, unknown>;
  parameters: { emulator?: EmulatorParameters };
}): Promise<StoryBackend> {
  const name = backendGlobalOf(context.globals?.backend);
  const key = context.abortSignal;
  if (!key) return loadBackend(context.parameters.emulator, name);
  const known = mounted.get(key);
  if (known?.name === name) return known.backend;
  const backend = loadBackend(context.parameters.emulator, name);
  mounted.set(key, { name, backend });
  backend.catch(() => {
    if (mounted.get(key)?.backend === backend) mounted.delete(key);
  });
  return backend;
}
