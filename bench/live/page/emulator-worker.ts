// The bench page's backend, in a Web Worker of the page, so the page's main thread carries only the
// client (React, TanStack Query, the SDK, zod): what "main-thread busy" is meant to measure. It holds
// the emulator on a system clock, answers the page's requests (bridged by main.tsx), and plays the
// rest of the world on the same emulator without going through the page:
// - the workload: one thread (`emulator.concurrent_runs`) with N function_call runs of R rounds,
//   every phase stretched by the emulator's seeded timing jitter;
// - an agent that answers each `requires_action` after a seeded lognormal delay (median 4 s);
// - the oracle: every run is followed by its own event stream (create and each submit with
//   `stream: true`), which the emulator sends as its clock reaches each transition, so each status
//   change is stamped when it happens (to the timer's resolution), without polling.
import { createEmulator, createSystemClock, type Emulator } from '../../../src/emulator';
import { createRandom } from '../../../src/emulator/faults/random';
import { epochNow, type FromWorker, type LiveSetup, type RequestCounts, type StatusChange, type ToWorker } from './protocol';

const base = 'https://emulator.runlens.invalid/v1';
const headers = { 'content-type': 'application/json', 'openai-beta': 'assistants=v2' };
const post = (self as unknown as { postMessage(message: FromWorker): void }).postMessage.bind(self);

let emulator: Emulator | undefined;
let threadId = '';
const changes: StatusChange[] = [];
const lastStatus = new Map<string, string>();
let counting: { since: number; logSince: number; ownSince: number; byKind: Record<string, number>; total: number; listStarts: number[] } | undefined;
let ownRequests = 0;

async function own(path: string, body?: object): Promise<Response> {
  ownRequests += 1;
  const init: RequestInit = body ? { method: 'POST', headers, body: JSON.stringify(body) } : { headers };
  return emulator!.handle(new Request(`${base}${path}`, init));
}

/** The kind of a page request, for the breakdown. */
function kindOf(method: string, url: string): string {
  const path = new URL(url).pathname;
  if (method !== 'GET') return `${method} other`;
  if (/\/runs$/.test(path)) return 'list page';
  if (/\/runs\/[^/]+$/.test(path)) return 'run';
  if (/\/steps(\/[^/]+)?$/.test(path)) return 'steps';
  if (/\/messages\//.test(path)) return 'message';
  return 'GET other';
}

/** Reads one run's event stream: stamps each new status, and has the agent answer requires_action. */
async function follow(response: Response, answer: (runId: string) => void): Promise<void> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    const at = epochNow();
    buffered += value;
    const frames = buffered.split('\n\n');
    buffered = frames.pop() ?? '';
    for (const frame of frames) {
      const match = /^event: (thread\.run\.[a-z_]+)\ndata: (.*)$/s.exec(frame);
      if (!match) continue;
      const run = JSON.parse(match[2]!) as { id: string; status: string };
      if (lastStatus.get(run.id) === run.status) continue;
      lastStatus.set(run.id, run.status);
      changes.push({ runId: run.id, status: run.status, at });
      if (run.status === 'requires_action') answer(run.id);
    }
  }
}

async function setUp({ runs, rounds, speed, seed }: LiveSetup): Promise<string[]> {
  emulator = createEmulator({ clock: createSystemClock({ speed }), seed: false, timingJitter: { sigma: 0.4, seed } });
  const assistant = (await (await own('/assistants', { model: 'gpt-4o', name: 'Live bench', metadata: { 'emulator.scenario': 'function_call' } })).json()) as { id: string };
  const thread = (await (await own('/threads', { metadata: { 'emulator.concurrent_runs': 'true' } })).json()) as { id: string };
  threadId = thread.id;
  const runIds: string[] = [];
  const delays = new Map<string, () => number>();
  const answer = (runId: string): void => {
    // Lognormal, median 4 s of wall time: people and tools do not answer on the second.
    const random = delays.get(runId)!;
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    setTimeout(() => void submit(runId), 4_000 * Math.exp(0.5 * Math.max(-3, Math.min(3, normal))));
  };
  const submit = async (runId: string): Promise<void> => {
    const run = (await (await own(`/threads/${threadId}/runs/${runId}`)).json()) as { required_action: { submit_tool_outputs: { tool_calls: { id: string }[] } } };
    const tool_outputs = run.required_action.submit_tool_outputs.tool_calls.map((call) => ({ tool_call_id: call.id, output: '{"temperature":21}' }));
    void follow(await own(`/threads/${threadId}/runs/${runId}/submit_tool_outputs`, { tool_outputs, stream: true }), answer);
  };
  for (let i = 0; i < runs; i += 1) {
    const response = await own(`/threads/${threadId}/runs`, {
      assistant_id: assistant.id,
      stream: true,
      metadata: { 'emulator.rounds': String(rounds) },
    });
    // The stream's first event names the run; read it before following the rest.
    const [mine, watched] = response.body!.tee();
    const reader = mine.pipeThrough(new TextDecoderStream()).getReader();
    const first = await reader.read();
    void reader.cancel();
    const runId = /"id":"(run_[^"]+)"/.exec(first.value ?? '')?.[1];
    if (!runId) throw new Error(`no run id in the first event: ${first.value}`);
    runIds.push(runId);
    delays.set(runId, createRandom(seed * 1_000 + i));
    void follow(new Response(watched), answer);
  }
  return runIds;
}

function startCounting(): void {
  counting = { since: epochNow(), logSince: emulator!.requests.length, ownSince: ownRequests, byKind: {}, total: 0, listStarts: [] };
}

function stopCounting(): RequestCounts {
  const c = counting!;
  counting = undefined;
  return { total: c.total, emulatorLog: emulator!.requests.length - c.logSince - (ownRequests - c.ownSince), byKind: c.byKind, listStarts: c.listStarts };
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  try {
    if (message.type === 'setup') {
      const runIds = await setUp(message.setup);
      post({ id: message.id, type: 'ready', threadId, runIds });
    } else if (message.type === 'fetch') {
      const { url, method, headers: requestHeaders, body } = message.request;
      if (counting) {
        counting.total += 1;
        const kind = kindOf(method, url);
        counting.byKind[kind] = (counting.byKind[kind] ?? 0) + 1;
        if (kind === 'list page' && !/[?&](after|before)=/.test(url)) counting.listStarts.push(epochNow());
      }
      const response = await emulator!.handle(new Request(url, { method, headers: requestHeaders, body }));
      const text = await response.text();
      post({ id: message.id, type: 'response', response: { status: response.status, headers: [...response.headers], body: text } });
    } else if (message.type === 'start') {
      startCounting();
      post({ id: message.id, type: 'started' });
    } else {
      const requests = stopCounting();
      const activeAtStop = [...lastStatus.values()].filter((status) => !['completed', 'failed', 'cancelled', 'expired', 'incomplete'].includes(status)).length;
      post({ id: message.id, type: 'stopped', changes: changes.slice(), requests, activeAtStop });
    }
  } catch (error) {
    post({ id: message.id, type: 'error', message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
};
