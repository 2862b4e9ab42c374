import type { Engine } from './engine.js';
import type { AssistantParams, RunParams } from './request-bodies.js';
import type { ScenarioName } from './scenarios/settings.js';
import { defaultFunction } from './scenarios/tool-phases.js';
import type { RunRecord, ThreadRecord } from './store.js';
import type { FunctionTool } from './types.js';
import { demoResponseIds } from './responses/seed.js';

/** Readable ids of the seeded demo objects. */
export const demoIds = {
  assistants: {
    message: 'asst_demo_message',
    function_call: 'asst_demo_function_call',
    code_interpreter: 'asst_demo_code_interpreter',
    file_search: 'asst_demo_file_search',
    fail: 'asst_demo_fail',
    incomplete: 'asst_demo_incomplete',
    expire: 'asst_demo_expire',
    slow: 'asst_demo_slow',
    bulk: 'asst_demo_bulk',
  },
  threads: {
    /** 48 finished runs, enough to page through. */
    history: 'thread_demo',
    /** One run in each terminal status. */
    statuses: 'thread_demo_statuses',
    /** A function_call run waiting for tool outputs (expires 570 s after start-up). */
    requiresAction: 'thread_demo_requires_action',
    /** A slow run, in progress for about two minutes after start-up. */
    inProgress: 'thread_demo_in_progress',
  },
  runs: {
    completed: 'run_demo_completed',
    failed: 'run_demo_failed',
    cancelled: 'run_demo_cancelled',
    expired: 'run_demo_expired',
    incomplete: 'run_demo_incomplete',
    requiresAction: 'run_demo_requires_action',
    inProgress: 'run_demo_in_progress',
  },
  /** The same demo on the Responses API: its conversations… */
  conversations: demoResponseIds.conversations,
  /** …and the first response (the run id) of each named run. */
  responses: demoResponseIds.runs,
} as const satisfies { assistants: Record<ScenarioName, string>; threads: object; runs: object; conversations: object; responses: object };

const forecast: FunctionTool = {
  type: 'function',
  function: {
    name: 'get_forecast',
    description: 'Daily forecast for the next days',
    parameters: {
      type: 'object',
      properties: { location: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 7 } },
      required: ['location', 'days'],
    },
  },
};
const weather: FunctionTool = { type: 'function', function: defaultFunction };

const assistants: Record<ScenarioName, Omit<AssistantParams, 'model'>> = {
  message: { name: 'Concise helper', instructions: 'Answer briefly and clearly.' },
  function_call: { name: 'Weather bot (parallel function calls)', tools: [weather, forecast], metadata: { 'emulator.parallel': '2' } },
  code_interpreter: { name: 'Data analyst (code interpreter)', tools: [{ type: 'code_interpreter' }] },
  file_search: {
    name: 'Docs librarian (file search)',
    tools: [{ type: 'file_search', file_search: { ranking_options: { ranker: 'auto', score_threshold: 0.5 } } }],
  },
  fail: { name: 'Flaky helper (fails with server_error)' },
  incomplete: { name: 'Verbose writer (runs out of tokens)' },
  expire: { name: 'Forgetful client (tool call expires)', tools: [weather] },
  slow: { name: 'Slow thinker (two-minute run, to cancel)' },
  bulk: { name: 'Busy worker (1 000 quick tool steps)', metadata: { 'emulator.steps': '1000' } },
};

const prompts: Record<ScenarioName, string> = {
  message: 'Can you explain what a run is, in two sentences?',
  function_call: 'What is the weather in Paris, and the forecast for the next three days?',
  code_interpreter: 'Plot sin(x) from 0 to 10 and tell me its maximum.',
  file_search: 'What does the handbook say about run statuses?',
  fail: 'Summarise last quarter’s figures.',
  incomplete: 'Write me a detailed guide to the run lifecycle.',
  expire: 'Check the weather in Tokyo for me.',
  slow: 'Think hard about this one, take your time.',
  bulk: 'Check every item in the catalogue, one by one.',
};

const minute = 60_000;

function outputsFor(record: RunRecord): { tool_call_id: string; output: string }[] {
  const calls = record.object.required_action?.submit_tool_outputs.tool_calls ?? [];
  return calls.map((call) => ({
    tool_call_id: call.id,
    output: call.function.name === 'get_weather' ? '{"temperature":18,"unit":"celsius","conditions":"partly cloudy"}' : '{"days":[19,21,17]}',
  }));
}

/** Replays a run's schedule up to `untilMs`, answering tool calls 1.5 s after they are asked for if `answer`. */
function play(engine: Engine, record: RunRecord, untilMs: number, answer: boolean): void {
  for (let next = record.pending[0]; next && next.at <= untilMs; next = record.pending[0]) {
    engine.advance(record, next.at);
    if (answer && record.object.status === 'requires_action') engine.submitToolOutputs(record, next.at + 1_500, outputsFor(record));
  }
}

function ask(engine: Engine, thread: ThreadRecord, scenario: ScenarioName, atMs: number, id?: string, extra: Partial<RunParams> = {}): RunRecord {
  engine.addMessage(thread, { role: 'user', content: [{ type: 'text', text: { value: prompts[scenario], annotations: [] } }] }, atMs - 2_000);
  return engine.createRun(thread, { assistant_id: demoIds.assistants[scenario], ...extra }, atMs, id);
}

/** Demo assistants (one per scenario), a long history, one run per terminal status, and two live runs. */
export function seedDemoData(engine: Engine): void {
  const now = engine.clock.now();
  const start = now - 3 * 24 * 60 * minute;
  Object.entries(assistants).forEach(([scenario, params], i) => {
    const metadata = { 'emulator.scenario': scenario, ...params.metadata };
    engine.createAssistant({ model: 'gpt-4o', ...params, metadata }, start + i * minute, demoIds.assistants[scenario as ScenarioName]);
  });

  const history = engine.createThread({ metadata: { topic: 'Demo history' } }, now - 180 * minute, demoIds.threads.history);
  const cycle: ScenarioName[] = ['message', 'function_call', 'code_interpreter', 'file_search'];
  for (let i = 0; i < 48; i += 1) {
    const at = now - 170 * minute + i * 3 * minute;
    play(engine, ask(engine, history, cycle[i % cycle.length] ?? 'message', at), at + minute, true);
  }

  const statuses = engine.createThread({ metadata: { topic: 'One run per terminal status' } }, now - 110 * minute, demoIds.threads.statuses);
  play(engine, ask(engine, statuses, 'message', now - 100 * minute, demoIds.runs.completed), now, true);
  play(engine, ask(engine, statuses, 'fail', now - 90 * minute, demoIds.runs.failed), now, true);
  const cancelled = ask(engine, statuses, 'slow', now - 80 * minute, demoIds.runs.cancelled);
  engine.cancel(cancelled, now - 80 * minute + 5_000);
  play(engine, cancelled, now, true);
  play(engine, ask(engine, statuses, 'expire', now - 70 * minute, demoIds.runs.expired), now, false);
  const incomplete = ask(engine, statuses, 'incomplete', now - 50 * minute, demoIds.runs.incomplete, { max_completion_tokens: 256 });
  play(engine, incomplete, now, true);

  const waiting = engine.createThread({ metadata: { topic: 'Waiting for tool outputs' } }, now - minute, demoIds.threads.requiresAction);
  play(engine, ask(engine, waiting, 'function_call', now - 30_000, demoIds.runs.requiresAction), now, false);
  const live = engine.createThread({ metadata: { topic: 'A run in progress' } }, now - minute, demoIds.threads.inProgress);
  play(engine, ask(engine, live, 'slow', now - 10_000, demoIds.runs.inProgress), now, false);
}
