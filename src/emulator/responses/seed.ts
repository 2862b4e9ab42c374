import type { Engine } from '../engine.js';
import { toSeconds } from '../timeline.js';
import type { Metadata } from '../types.js';
import { createResponse, createResponseParams } from './create.js';
import { isFunctionCall, isFunctionCallOutput } from './items.js';
import { advanceResponse, cancelResponse } from './lifecycle.js';
import type { ResponseScenarioName } from './settings.js';
import { responsesOf, type ConversationRecord, type ResponseRecord, type ResponsesState } from './state.js';

// The Responses twin of ../seed.ts: the same demo threads as conversations, their runs as chains of
// background responses made the way createResponsesRunsClient makes them (a function-calling round
// answered in the same conversation), so the Responses backend shows the same demo as Assistants.

/** Readable ids of the seeded demo conversations and the first response of each named run. */
export const demoResponseIds = {
  conversations: {
    /** 48 finished runs, enough to page through. */
    history: 'conv_demo',
    /** One run in each terminal status (the Responses API has no `expired`). */
    statuses: 'conv_demo_statuses',
    /** A function_call run waiting for tool outputs. */
    requiresAction: 'conv_demo_requires_action',
    /** A slow run, in progress for about two minutes after start-up. */
    inProgress: 'conv_demo_in_progress',
  },
  runs: {
    completed: 'resp_demo_completed',
    failed: 'resp_demo_failed',
    cancelled: 'resp_demo_cancelled',
    incomplete: 'resp_demo_incomplete',
    requiresAction: 'resp_demo_requires_action',
    inProgress: 'resp_demo_in_progress',
  },
} as const;

/**
 * A seeded run as a run index records it: `createMemoryRunIndex({ runs: emulator.demoRuns })`
 * lists the demo conversations' runs (the API itself lists no responses).
 */
export interface DemoRun {
  runId: string;
  conversationId: string;
  /** Unix seconds: the first response's `created_at`. */
  createdAt: number;
  /** The run's chain, oldest first (the run id first). */
  responseIds: string[];
}

const prompts: Record<ResponseScenarioName, string> = {
  message: 'Can you explain what a run is, in two sentences?',
  function_call: 'What is the weather in Paris, and the forecast for the next three days?',
  reasoning: 'Which is larger, 9.11 or 9.9? Think it through.',
  code_interpreter: 'Plot sin(x) from 0 to 10 and tell me its maximum.',
  file_search: 'What does the handbook say about run statuses?',
  fail: 'Summarise last quarter’s figures.',
  incomplete: 'Write me a detailed guide to the run lifecycle.',
  slow: 'Think hard about this one, take your time.',
  bulk: 'Check every item in the catalogue, one by one.',
};

/** The demo's function tools, as the Weather bot assistant has them. */
const weatherTools = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'Current weather for a location',
    strict: false,
    parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
  },
  {
    type: 'function',
    name: 'get_forecast',
    description: 'Daily forecast for the next days',
    strict: false,
    parameters: {
      type: 'object',
      properties: { location: { type: 'string' }, days: { type: 'integer', minimum: 1, maximum: 7 } },
      required: ['location', 'days'],
    },
  },
];

const minute = 60_000;

function conversation(state: ResponsesState, id: string, topic: string, atMs: number): ConversationRecord {
  const record: ConversationRecord = { object: { id, object: 'conversation', created_at: toSeconds(atMs), metadata: { topic } }, items: [] };
  state.conversations.set(id, record);
  return record;
}

/** The outputs the seed answers calls with, by function name. */
const outputFor = (name: string): string =>
  name === 'get_weather' ? '{"temperature":18,"unit":"celsius","conditions":"partly cloudy"}' : '{"days":[19,21,17]}';

class DemoSeeder {
  readonly runs: DemoRun[] = [];

  constructor(
    private readonly state: ResponsesState,
    private readonly now: number,
  ) {}

  private create(conversationId: string, atMs: number, body: Record<string, unknown>, metadata: Metadata, id?: string): ResponseRecord {
    const params = createResponseParams({ model: 'gpt-4o', conversation: conversationId, background: true, metadata, ...body } as never, this.state);
    return createResponse(this.state, params, atMs, id);
  }

  /** Starts a run at `atMs` and plays it up to `untilMs`, answering each function-calling round 1.5 s after it ends if `answer`. */
  run(conversationId: string, scenario: ResponseScenarioName, atMs: number, options: { id?: string; untilMs?: number; answer?: boolean; cancelAtMs?: number; extra?: Metadata; body?: object } = {}): void {
    const { untilMs = this.now, answer = true } = options;
    const metadata = { 'emulator.scenario': scenario, ...(scenario === 'function_call' ? { 'emulator.parallel': '2' } : {}), ...options.extra };
    const tools = scenario === 'function_call' ? { tools: weatherTools } : {};
    const input = [{ type: 'message', role: 'user', content: prompts[scenario] }];
    let record = this.create(conversationId, atMs, { input, ...tools, ...options.body }, metadata, options.id);
    const run: DemoRun = { runId: record.object.id, conversationId, createdAt: record.object.created_at, responseIds: [record.object.id] };
    this.runs.push(run);
    for (;;) {
      const until = options.cancelAtMs ?? untilMs;
      advanceResponse(record, until);
      if (options.cancelAtMs !== undefined) {
        cancelResponse(this.state, record);
        return;
      }
      const doneAt = record.pending.length === 0 ? (record.object.completed_at ?? toSeconds(until)) * 1_000 : undefined;
      const open = openCalls(record);
      if (!answer || doneAt === undefined || open.length === 0) break;
      const answerAt = doneAt + 1_500;
      if (answerAt > untilMs) break;
      const outputs = open.map((call) => ({ type: 'function_call_output', call_id: call.call_id, output: outputFor(call.name) }));
      record = this.create(conversationId, answerAt, { input: outputs, ...tools }, record.object.metadata);
      run.responseIds.push(record.object.id);
    }
    if (record.pending.length > 0) this.state.live.add(record);
    else this.state.live.delete(record);
  }
}

/** The function calls of a response with no output in the same turn. */
function openCalls(record: ResponseRecord) {
  const answered = new Set(record.object.output.filter(isFunctionCallOutput).map((item) => item.call_id));
  return record.object.output.filter(isFunctionCall).filter((call) => !answered.has(call.call_id));
}

/** Seeds the demo conversations into `engine`'s Responses state; returns their runs, for a run index. */
export function seedDemoResponses(engine: Engine): DemoRun[] {
  const state = responsesOf(engine);
  const now = engine.clock.now();
  const seeder = new DemoSeeder(state, now);
  const ids = demoResponseIds;

  conversation(state, ids.conversations.history, 'Demo history', now - 180 * minute);
  const cycle: ResponseScenarioName[] = ['message', 'function_call', 'code_interpreter', 'file_search'];
  for (let i = 0; i < 48; i += 1) {
    const at = now - 170 * minute + i * 3 * minute;
    seeder.run(ids.conversations.history, cycle[i % cycle.length] ?? 'message', at, { untilMs: at + minute });
  }

  conversation(state, ids.conversations.statuses, 'One run per terminal status', now - 110 * minute);
  seeder.run(ids.conversations.statuses, 'message', now - 100 * minute, { id: ids.runs.completed });
  seeder.run(ids.conversations.statuses, 'fail', now - 90 * minute, { id: ids.runs.failed });
  seeder.run(ids.conversations.statuses, 'slow', now - 80 * minute, { id: ids.runs.cancelled, cancelAtMs: now - 80 * minute + 5_000 });
  seeder.run(ids.conversations.statuses, 'incomplete', now - 50 * minute, { id: ids.runs.incomplete, body: { max_output_tokens: 256 } });

  conversation(state, ids.conversations.requiresAction, 'Waiting for tool outputs', now - minute);
  seeder.run(ids.conversations.requiresAction, 'function_call', now - 30_000, { id: ids.runs.requiresAction, answer: false });
  conversation(state, ids.conversations.inProgress, 'A run in progress', now - minute);
  seeder.run(ids.conversations.inProgress, 'slow', now - 10_000, { id: ids.runs.inProgress });
  return seeder.runs;
}
