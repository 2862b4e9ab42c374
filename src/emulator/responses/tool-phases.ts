import { hashString } from '../scenarios/arguments.js';
import { failedCallArguments, failedCallError, failedCallName } from '../scenarios/bulk.js';
import { chunkText, estimateTokens } from '../scenarios/text.js';
import { topicOf } from './items.js';
import { messagePhase, responseTimings, withText, type Plan } from './phases.js';
import type { FunctionCallItem, Item } from './types.js';

// The built-in tools' output items (code_interpreter_call, file_search_call) with their own stream
// events, and the bulk scenario's long list of items. The model runs these tools itself: no answer
// from the app is needed, so the response goes on to a message.

type Outputs = { type: 'logs'; logs: string }[];

const code = (plan: Plan): string =>
  ['import numpy as np', 'x = np.linspace(0, 10, 200)', 'y = np.sin(x)', `print(f"max {y.max():.2f} at x = {x[y.argmax()]:.2f}")`]
    .concat(plan.record.settings.text ? [`# ${plan.record.settings.text}`] : [])
    .join('\n');

/** A code_interpreter_call: code in deltas, `interpreting`, then logs, then `completed`. */
function codeInterpreterCall(plan: Plan, gapMs: number, stream = true): void {
  const id = plan.ids.next('ci_');
  const containerId = plan.ids.next('cntr_');
  const source = code(plan);
  const logs = withText(plan, 'max 1.00 at x = 1.56');
  let index = 0;
  const at = () => ({ output_index: index, item_id: id });
  plan.after(gapMs, (m) => {
    index = m.addItem({ id, type: 'code_interpreter_call', status: 'in_progress', container_id: containerId, code: '', outputs: null });
    m.emit('response.code_interpreter_call.in_progress', at());
  });
  for (const piece of stream ? chunkText(source, 3) : [source]) {
    plan.after(stream ? gapMs : 0, (m) => {
      (m.response.output[index] as Item & { code: string }).code += piece;
      m.emit('response.code_interpreter_call_code.delta', { ...at(), delta: piece });
    });
  }
  plan.outputTokens += estimateTokens(source);
  plan.after(0, (m) => {
    m.emit('response.code_interpreter_call_code.done', { ...at(), code: source });
    const item = m.response.output[index] as Item;
    item.status = 'interpreting';
    m.emit('response.code_interpreter_call.interpreting', at());
  });
  plan.after(stream ? gapMs : 0, (m) => {
    const item = m.response.output[index] as Item & { outputs: Outputs | null };
    item.outputs = [{ type: 'logs', logs }];
    m.emit('response.code_interpreter_call.completed', at());
    m.itemDone(index);
  });
}

const fileName = (plan: Plan): string => withText(plan, 'run-lifecycle.md');

/** A file_search_call: `searching`, then results (file, score, text) and `completed`. */
function fileSearchCall(plan: Plan, gapMs: number): { fileId: string; filename: string } {
  const id = plan.ids.next('fs_');
  const fileId = `file-${plan.ids.next('', 22)}`;
  const filename = fileName(plan);
  let index = 0;
  plan.after(gapMs, (m) => {
    index = m.addItem({ id, type: 'file_search_call', status: 'in_progress', queries: [topicOf(plan.turn)], results: null });
    m.emit('response.file_search_call.in_progress', { output_index: index, item_id: id });
  });
  plan.after(gapMs, (m) => {
    (m.response.output[index] as Item).status = 'searching';
    m.emit('response.file_search_call.searching', { output_index: index, item_id: id });
  });
  plan.after(gapMs, (m) => {
    const score = 0.7 + (hashString(fileId) % 300) / 1000;
    const text = withText(plan, 'A response moves from queued to in_progress and then to a terminal status.');
    (m.response.output[index] as Item & { results: unknown[] | null }).results = [{ file_id: fileId, filename, score, text, attributes: {} }];
    m.emit('response.file_search_call.completed', { output_index: index, item_id: id });
    m.itemDone(index);
  });
  return { fileId, filename };
}

export function codeInterpreterPhase(plan: Plan): void {
  codeInterpreterCall(plan, Math.floor(responseTimings.itemMs / 5));
  messagePhase(plan, 'I ran the code: sin(x) from 0 to 10 reaches its maximum, 1.00, near x = 1.56.');
}

export function fileSearchPhase(plan: Plan): void {
  const { fileId, filename } = fileSearchCall(plan, Math.floor(responseTimings.itemMs / 3));
  const body = `According to ${filename}, a response moves from queued to in_progress and then to a terminal status.`;
  messagePhase(plan, body, { annotations: [{ type: 'file_citation', file_id: fileId, index: body.indexOf(filename), filename }] });
}

/** Time between the bulk scenario's items. */
export const bulkItemMs = 10;

/**
 * The `fail_step` item: the model starts a `charge_card` function_call and the response fails while
 * it is being written (the API runs no function itself; a server error mid-call is how a call fails
 * here). The item is left `incomplete` with its arguments, the response `failed` with the error.
 */
function failedCall(plan: Plan, n: number): void {
  const id = plan.ids.next('fc_');
  const callId = plan.ids.next('call_');
  const json = failedCallArguments(n, plan.record.settings.text);
  plan.outputTokens += estimateTokens(json);
  plan.after(bulkItemMs, (m) => {
    const index = m.addItem({ id, type: 'function_call', status: 'in_progress', call_id: callId, name: failedCallName, arguments: '' } satisfies FunctionCallItem);
    (m.response.output[index] as FunctionCallItem).arguments = json;
    m.emit('response.function_call_arguments.delta', { item_id: id, output_index: index, delta: json });
    m.itemDone(index, 'incomplete');
  });
  plan.after(0, (m) => m.finish('failed', plan.usage(), { error: { ...failedCallError } }), true);
}

/**
 * `settings.steps` items, each added and done at once `bulkItemMs` apart, cycling
 * code_interpreter_call / file_search_call / reasoning; then a message. For long output lists.
 * With `failStep` that item is a failed `charge_card` call and the response fails: 'failed' tells
 * the caller its schedule is complete.
 */
export function bulkPhase(plan: Plan): 'completed' | 'failed' {
  const { steps, failStep } = plan.record.settings;
  for (let i = 0; i < steps; i += 1) {
    if (i + 1 === failStep) {
      failedCall(plan, i + 1);
      return 'failed';
    }
    const kind = i % 3;
    if (kind === 0) {
      codeInterpreterCall(plan, bulkItemMs, false);
    } else if (kind === 1) {
      const id = plan.ids.next('fs_');
      plan.after(bulkItemMs, (m) => {
        const index = m.addItem({ id, type: 'file_search_call', status: 'in_progress', queries: [`query ${i}`], results: null });
        (m.response.output[index] as Item & { results: unknown[] }).results = [];
        m.itemDone(index);
      });
    } else {
      const id = plan.ids.next('rs_');
      const summary = withText(plan, `Step ${i + 1} of ${steps}.`);
      plan.reasoningTokens += estimateTokens(summary);
      plan.after(bulkItemMs, (m) => {
        const index = m.addItem({ id, type: 'reasoning', summary: [] });
        (m.response.output[index] as Item & { summary: unknown[] }).summary.push({ type: 'summary_text', text: summary });
        m.itemDone(index);
      });
    }
  }
  messagePhase(plan, `Done: ${steps} steps for “${topicOf(plan.turn)}”.`);
  return 'completed';
}
