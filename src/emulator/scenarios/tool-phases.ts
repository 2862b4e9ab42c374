import type { IdFactory } from '../ids.js';
import { usage } from '../mutator.js';
import { beforeChange } from '../snapshots.js';
import type { RunRecord } from '../store.js';
import type {
  FileSearchRankingOptions,
  FileSearchResult,
  FileSearchTool,
  FileSearchToolCall,
  FunctionTool,
  RequiredToolCall,
  RunStepObject,
} from '../types.js';
import { exampleArguments, hashString } from './arguments.js';
import { customText, withText, withTextArguments } from './custom-text.js';
import { timings, type PlanContext } from './phases.js';
import { estimateTokens, promptTokens, sliceText } from './text.js';

/** Used when the run has no function tools: the docs' classic example. */
export const defaultFunction: FunctionTool['function'] = {
  name: 'get_weather',
  description: 'Get the current weather in a given location',
  parameters: {
    type: 'object',
    properties: {
      location: { type: 'string', description: 'The city and state, e.g. San Francisco, CA' },
      unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
    },
    required: ['location'],
  },
};

function functionsFor(record: RunRecord): FunctionTool['function'][] {
  const functions = record.object.tools.filter((t): t is FunctionTool => t.type === 'function').map((t) => t.function);
  // tool_choice naming a function forces that one, as it did on the API.
  const choice = record.object.tool_choice as { type?: string; function?: { name?: string } } | null;
  const forced = choice?.type === 'function' ? functions.find((f) => f.name === choice.function?.name) : undefined;
  if (forced) return [forced];
  return functions.length > 0 ? functions : [defaultFunction];
}

/** The calls of this round: `settings.parallel` of them, cycling through the run's functions. */
export function planFunctionCalls(record: RunRecord, ids: IdFactory): RequiredToolCall[] {
  const functions = functionsFor(record);
  const count = record.settings.parallel;
  return Array.from({ length: count }, (_, i) => {
    const fn = functions[(record.round * count + i) % functions.length] ?? defaultFunction;
    const id = ids.next('call_');
    return { id, type: 'function', function: { name: fn.name, arguments: JSON.stringify(withTextArguments(record, exampleArguments(fn.parameters, hashString(id)))) } };
  });
}

/** Lays out `deltas` evenly over one step duration after a step is created, returning the step getter. */
function toolCallsStep(ctx: PlanContext, deltas: object[]): { step: () => RunStepObject | undefined; gap: number } {
  const stepId = ctx.ids.next('step_');
  let step: RunStepObject | undefined;
  ctx.timeline.after(0, (m) => {
    step = m.createStep(stepId, { type: 'tool_calls', tool_calls: [] });
  });
  const gap = Math.floor(timings.stepMs / (deltas.length + 1));
  for (const delta of deltas) ctx.timeline.after(gap, (m) => step && m.stepDelta(step, { type: 'tool_calls', tool_calls: [delta] }), false);
  return { step: () => step, gap };
}

/** Function calls streamed in argument chunks, then `requires_action` until outputs or `expires_at`. */
export function functionCallsPhase(ctx: PlanContext): void {
  const calls = planFunctionCalls(ctx.record, ctx.ids);
  const deltas: object[] = [];
  calls.forEach((call, index) => {
    deltas.push({ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '', output: null } });
    for (const piece of sliceText(call.function.arguments, 6)) deltas.push({ index, type: 'function', function: { arguments: piece } });
  });
  const { gap } = toolCallsStep(ctx, deltas);
  ctx.timeline.after(gap, (m) => m.requireAction(calls));
  // The step stays in_progress while the run waits; past expires_at both expire.
  ctx.timeline.at(ctx.record.expiresMs, (m) => {
    m.closeOpenWork('expired', 'run_expired');
    m.finish('expired');
  });
}

const chartCode = [
  'import numpy as np\n',
  'import matplotlib.pyplot as plt\n',
  'x = np.linspace(0, 10, 200)\n',
  'y = np.sin(x)\n',
  'plt.plot(x, y)\n',
  "plt.title('sin(x)')\n",
  "plt.savefig('/mnt/data/sin.png')\n",
  "print(f'max={y.max():.2f} at x={x[y.argmax()]:.2f}')",
];

/** A code_interpreter call: code input in chunks, then logs and a chart image. Returns the image's file id. */
export function codeInterpreterPhase(ctx: PlanContext): string {
  const callId = ctx.ids.next('call_');
  const fileId = ctx.ids.next('file-', 22);
  const code = { index: 0, type: 'code_interpreter' };
  const text = customText(ctx.record);
  const lines = text === undefined ? chartCode : [`# ${text}\n`, ...chartCode];
  const deltas: object[] = [
    { ...code, id: callId, code_interpreter: { input: '', outputs: [] } },
    ...lines.map((line) => ({ ...code, code_interpreter: { input: line } })),
    { ...code, code_interpreter: { outputs: [{ index: 0, type: 'logs', logs: withText(ctx.record, 'max=1.00 at x=1.56\n', '') }, { index: 1, type: 'image', image: { file_id: fileId } }] } },
  ];
  const { step, gap } = toolCallsStep(ctx, deltas);
  ctx.timeline.after(gap, (m) => {
    const current = step();
    if (current) m.finishStep(current, 'completed', usage(promptTokens(ctx.record), estimateTokens(chartCode.join(''))));
  });
  return fileId;
}

/** The emulator's one "vector store": what every file_search finds. */
const documents: (FileSearchResult & { text: string })[] = [
  { file_id: 'file-RunLifecycleGuide00001', file_name: 'run-lifecycle-guide.md', score: 0.91, text: 'A run starts queued, moves to in_progress, and ends completed, failed, cancelled, expired or incomplete.' },
  { file_id: 'file-ToolOutputsFaq0000002', file_name: 'tool-outputs-faq.md', score: 0.78, text: 'When a run needs tool outputs it pauses in requires_action; submit every call id before expires_at.' },
  { file_id: 'file-ReleaseNotes20260003', file_name: 'release-notes-2026.pdf', score: 0.42, text: 'The Assistants API was shut down on 2026-08-26; the Responses API replaces it.' },
];

/** A file_search call; results (ranked, with chunk content kept for `include[]`) land when the step completes. */
export function fileSearchPhase(ctx: PlanContext): FileSearchResult | undefined {
  const tool = ctx.record.object.tools.find((t): t is FileSearchTool => t.type === 'file_search');
  const requested = tool?.file_search?.ranking_options;
  const rankingOptions: FileSearchRankingOptions = {
    ranker: requested?.ranker === 'auto' || !requested?.ranker ? 'default_2024_08_21' : requested.ranker,
    score_threshold: requested?.score_threshold ?? 0,
  };
  const results: FileSearchResult[] = documents
    .filter((d) => d.score >= rankingOptions.score_threshold)
    .slice(0, tool?.file_search?.max_num_results ?? 20)
    .map(({ text, ...result }) => ({
      ...result,
      file_name: withText(ctx.record, result.file_name),
      content: [{ type: 'text', text: withText(ctx.record, text) }],
    }));
  const callId = ctx.ids.next('call_');
  const { step, gap } = toolCallsStep(ctx, [{ index: 0, id: callId, type: 'file_search', file_search: {} }]);
  ctx.timeline.after(timings.stepMs - gap, (m) => {
    const current = step();
    if (!current || current.step_details.type !== 'tool_calls') return;
    beforeChange(current, true); // the results are written into its call in place
    const call = current.step_details.tool_calls[0] as FileSearchToolCall | undefined;
    if (call) call.file_search = { ranking_options: rankingOptions, results };
    m.finishStep(current, 'completed', usage(promptTokens(ctx.record), 12));
  });
  return results[0];
}
