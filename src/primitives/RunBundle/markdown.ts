import type { RunBundle } from '../../api/bundle/types.js';
import type { Message, RunStep, ToolCall, Usage } from '../../api/schemas/index.js';
import { formatDuration } from '../RunTimeline/formatDuration.js';
import { runDurationMs, stepLatestStamp } from '../RunTimeline/runEnd.js';
import { costOf, formatCost, formatTokens, type ModelPrice } from '../Usage/formatUsage.js';

// A run as a Markdown transcript, to paste into an issue or an LLM. It lives with the primitives,
// not in api/bundle, because it formats durations and tokens with the primitives' formatters
// (api must not import primitives). Built as one array of lines, joined once: 10 000 steps stay fast.

export interface RunBundleMarkdownOptions {
  /** Per-model prices per million tokens: a cost line shows when the run's model has one. */
  prices?: Record<string, ModelPrice>;
  /** ISO 4217 code the prices are in. @default 'USD' */
  currency?: string;
}

/** The longest run of backticks in `text` (0 when none). */
const longestTicks = (text: string): number => (text.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);

/** A fence longer than any run of backticks in `text`, so the text cannot close it. */
function fenced(text: string, language: string): string {
  const fence = '`'.repeat(Math.max(3, longestTicks(text) + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** JSON pretty-printed in a json fence; anything else as it is, in a text fence. */
function jsonOrText(text: string): string {
  try {
    return fenced(JSON.stringify(JSON.parse(text), null, 2), 'json');
  } catch {
    return fenced(text, 'text');
  }
}

/** `text` as a Markdown quote, line by line. */
const quoted = (text: string): string => text.replace(/^/gm, '> ');

/** Inline code that survives backticks inside it. */
function code(text: string): string {
  const longest = longestTicks(text);
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${longest ? ` ${text} ` : text}${ticks}`;
}

function tokensLine(usage: Pick<Usage, 'prompt_tokens' | 'completion_tokens' | 'total_tokens'>): string {
  return `${formatTokens(usage.total_tokens)} tokens (prompt ${formatTokens(usage.prompt_tokens)}, completion ${formatTokens(usage.completion_tokens)})`;
}

function messageLines(message: Message | undefined, messageId: string, out: string[]): void {
  if (!message) {
    out.push(`_Message ${code(messageId)} was not exported._`);
    return;
  }
  out.push(`**${message.role}**${message.status ? ` (${message.status})` : ''}:`, '');
  for (const part of message.content) {
    if (part.type === 'text') out.push(quoted(part.text.value || ' '));
    else if (part.type === 'image_file') out.push(`> [image file ${code(part.image_file.file_id)}]`);
    else if (part.type === 'image_url') out.push(`> [image ${part.image_url.url}]`);
    else if (part.type === 'refusal') out.push(quoted(`Refusal: ${part.refusal}`));
    else out.push(`> [${part.original_type} content]`);
    out.push('');
  }
}

function toolCallLines(call: ToolCall, out: string[]): void {
  if (call.type === 'function') {
    out.push(`#### ${code(call.function.name)} (${call.id})`, '', 'Arguments:', '', jsonOrText(call.function.arguments), '');
    if (call.function.output === null) out.push('Output: _none yet_', '');
    else out.push('Output:', '', jsonOrText(call.function.output), '');
  } else if (call.type === 'code_interpreter') {
    out.push(`#### code_interpreter (${call.id})`, '', fenced(call.code_interpreter.input, 'python'), '');
    for (const output of call.code_interpreter.outputs) {
      if (output.type === 'logs') out.push('Logs:', '', fenced(output.logs, 'text'), '');
      else if (output.type === 'image') out.push(`Image: ${code(output.image.file_id)}`, '');
      else out.push(`Output of type ${code(output.original_type)}`, '');
    }
  } else if (call.type === 'file_search') {
    const results = call.file_search.results ?? [];
    out.push(`#### file_search (${call.id})`, '', results.length ? `${results.length} result${results.length === 1 ? '' : 's'}:` : 'No results.', '');
    for (const result of results) {
      out.push(`- **${result.file_name}** (${code(result.file_id)}), score ${result.score}`);
      const text = (result.content ?? []).map((part) => part.text ?? '').join('\n');
      if (text) out.push('', fenced(text, 'text').replace(/^/gm, '  '));
    }
    out.push('');
  } else {
    out.push(`#### ${code(call.original_type)} (${call.id})`, '', fenced(JSON.stringify(call, null, 2), 'json'), '');
  }
}

function stepLines(step: RunStep, index: number, runStartS: number, messages: ReadonlyMap<string, Message>, out: string[]): void {
  const details = step.step_details;
  const kind = details.type === 'message_creation' ? 'Message' : details.type === 'tool_calls' ? 'Tool calls' : details.original_type;
  const took = step.status === 'in_progress' ? '' : `, took ${formatDuration((stepLatestStamp(step) - step.created_at) * 1000)}`;
  out.push(`### ${index + 1}. ${kind} · ${step.status}`, '', `${code(step.id)}, at +${formatDuration((step.created_at - runStartS) * 1000)}${took}${step.usage ? `, ${tokensLine(step.usage)}` : ''}`, '');
  if (details.type === 'message_creation') messageLines(messages.get(details.message_creation.message_id), details.message_creation.message_id, out);
  else if (details.type === 'tool_calls') for (const call of details.tool_calls) toolCallLines(call, out);
  if (step.last_error) out.push(`**Error:** ${step.last_error.code}: ${step.last_error.message}`, '');
}

/**
 * A run as a readable Markdown transcript: a title with its id, status, model and duration, then
 * each step in order (messages quoted, each tool call's arguments and output, code and logs,
 * file-search results, errors), then the usage totals. Text that contains backticks gets a longer fence.
 *
 * @example
 * await navigator.clipboard.writeText(runBundleToMarkdown(bundle));
 */
export function runBundleToMarkdown(bundle: Pick<RunBundle, 'run' | 'steps' | 'messages'>, options: RunBundleMarkdownOptions = {}): string {
  const { run, steps } = bundle;
  const messages = new Map(bundle.messages.map((message) => [message.id, message]));
  // A run exported before it ended lasts until the latest time it carries (not the reader's clock).
  let lastStamp = Math.max(run.created_at, run.started_at ?? 0);
  for (const step of steps) lastStamp = Math.max(lastStamp, stepLatestStamp(step));
  const out: string[] = [
    `# Run ${code(run.id)}: ${run.status}`,
    '',
    `- Model: ${code(run.model)}`,
    `- Duration: ${formatDuration(runDurationMs(run, lastStamp * 1000, steps))}`,
    `- Created: ${new Date(run.created_at * 1000).toISOString()}`,
    `- Thread: ${code(run.thread_id)}, assistant: ${code(run.assistant_id)}`,
    `- Steps: ${formatTokens(steps.length)}`,
  ];
  if (run.last_error) out.push(`- **Error:** ${run.last_error.code}: ${run.last_error.message}`);
  if (run.incomplete_details?.reason) out.push(`- Incomplete: ${run.incomplete_details.reason}`);
  out.push('');
  if (run.instructions) out.push('## Instructions', '', quoted(run.instructions), '');
  out.push('## Steps', '');
  if (!steps.length) out.push('_No steps._', '');
  const runStartS = run.created_at;
  steps.forEach((step, index) => stepLines(step, index, runStartS, messages, out));
  out.push('## Usage', '');
  const usage = run.usage ?? sumUsage(steps);
  if (usage) {
    out.push(`- ${tokensLine(usage)}`);
    const price = options.prices?.[run.model];
    if (price) out.push(`- Cost: ${formatCost(costOf(usage, price), options.currency ?? 'USD')}`);
  } else out.push('_No usage reported yet._');
  out.push('');
  return out.join('\n');
}

/** The steps' usage added up (a run reports its own only once it ends), or null when none has any. */
function sumUsage(steps: readonly RunStep[]): Usage | null {
  let total: Usage | null = null;
  for (const step of steps) {
    if (!step.usage) continue;
    total ??= { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
    total.prompt_tokens += step.usage.prompt_tokens;
    total.completion_tokens += step.usage.completion_tokens;
    total.total_tokens += step.usage.total_tokens;
  }
  return total;
}
