import type { IdFactory } from '../ids.js';
import { exampleArguments, hashString } from '../scenarios/arguments.js';
import { chunkText, estimateTokens, sliceText } from '../scenarios/text.js';
import { defaultFunction } from '../scenarios/tool-phases.js';
import { isFunctionCallOutput, outputText, topicOf } from './items.js';
import type { ResponseMutator } from './mutator.js';
import { messagePhase, Plan, responseTimings } from './phases.js';
import type { ResponseRecord, ResponseStep } from './state.js';
import { bulkPhase, codeInterpreterPhase, fileSearchPhase } from './tool-phases.js';
import type { FunctionCallItem, Item } from './types.js';

interface FunctionDef {
  name: string;
  parameters?: Record<string, unknown>;
}

/** The request's function tools (a `tool_choice` naming one forces it), else `get_weather`. */
function functionsFor(record: ResponseRecord): FunctionDef[] {
  const functions = record.object.tools
    .filter((tool) => tool.type === 'function' && typeof tool.name === 'string')
    .map((tool) => ({ name: tool.name as string, ...(typeof tool.parameters === 'object' && tool.parameters ? { parameters: tool.parameters as Record<string, unknown> } : {}) }));
  const choice = record.object.tool_choice as { type?: string; name?: string } | null;
  const forced = choice?.type === 'function' ? functions.find((f) => f.name === choice.name) : undefined;
  if (forced) return [forced];
  return functions.length > 0 ? functions : [{ name: defaultFunction.name, parameters: defaultFunction.parameters as Record<string, unknown> }];
}

/** `settings.parallel` function calls, cycling through the functions, their arguments streamed in slices. */
function functionCallsPhase(plan: Plan): void {
  const functions = functionsFor(plan.record);
  const count = plan.record.settings.parallel;
  const gap = Math.floor(responseTimings.itemMs / (count * 4));
  for (let i = 0; i < count; i += 1) {
    const fn = functions[i % functions.length] ?? { name: defaultFunction.name };
    const callId = plan.ids.next('call_');
    const id = plan.ids.next('fc_');
    let args = exampleArguments(fn.parameters as never, hashString(callId));
    if (plan.record.settings.text) args = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === 'string' ? plan.record.settings.text : v]));
    const json = JSON.stringify(args);
    let index = 0;
    plan.after(gap, (m) => {
      const item: FunctionCallItem = { id, type: 'function_call', status: 'in_progress', call_id: callId, name: fn.name, arguments: '' };
      index = m.addItem(item);
    });
    for (const slice of sliceText(json, 3)) {
      plan.after(gap, (m) => {
        (m.response.output[index] as FunctionCallItem).arguments += slice;
        m.emit('response.function_call_arguments.delta', { item_id: id, output_index: index, delta: slice });
      });
    }
    plan.outputTokens += estimateTokens(json);
    plan.after(0, (m) => {
      m.emit('response.function_call_arguments.done', { item_id: id, name: fn.name, output_index: index, arguments: json });
      m.itemDone(index);
    });
  }
}

/** A reasoning item whose one summary part is written in deltas. */
function reasoningPhase(plan: Plan): void {
  const summary = `**Planning the answer**\n\nThe user asks about “${topicOf(plan.turn)}”. I will answer briefly and plainly.`;
  const id = plan.ids.next('rs_');
  const pieces = chunkText(summary, 4);
  const gap = Math.floor(responseTimings.itemMs / (pieces.length + 1));
  let index = 0;
  const at = { item_id: id, summary_index: 0 };
  plan.after(gap, (m) => {
    index = m.addItem({ id, type: 'reasoning', summary: [] });
    (m.response.output[index] as Item & { summary: { type: string; text: string }[] }).summary.push({ type: 'summary_text', text: '' });
    m.emit('response.reasoning_summary_part.added', { ...at, output_index: index, part: { type: 'summary_text', text: '' } });
  });
  for (const piece of pieces) {
    plan.after(gap, (m) => {
      const part = (m.response.output[index] as Item & { summary: { text: string }[] }).summary[0];
      if (part) part.text += piece;
      m.emit('response.reasoning_summary_text.delta', { ...at, output_index: index, delta: piece });
    });
  }
  plan.reasoningTokens += 64 + estimateTokens(summary);
  plan.after(0, (m) => {
    m.emit('response.reasoning_summary_text.done', { ...at, output_index: index, text: summary });
    m.emit('response.reasoning_summary_part.done', { ...at, output_index: index, part: { type: 'summary_text', text: summary } });
    m.itemDone(index);
  });
}

const replies = {
  message: (plan: Plan): string =>
    `Here is a short answer to “${topicOf(plan.turn)}”. The emulator writes this reply in several chunks, the way the Responses API streams text, so you can watch it arrive.`,
  afterTools: (plan: Plan): string => {
    const outputs = plan.sinceUser.filter(isFunctionCallOutput).map((o) => {
      const value = outputText(o.output);
      return value.length > 80 ? `${value.slice(0, 77)}…` : value;
    });
    return `I called ${outputs.length} tool${outputs.length === 1 ? '' : 's'} and got back: ${outputs.join('; ')}. Based on that, here is my answer to “${topicOf(plan.turn)}”.`;
  },
  slow: (plan: Plan): string =>
    `This is a deliberately slow answer to “${topicOf(plan.turn)}”. It takes about two minutes to write, a few words every few seconds, ` +
    'so there is plenty of time to poll the response while it is in_progress, to watch the message grow, and to cancel it.',
};

/**
 * What `tool_choice` says about calling the request's function tools: `required` or one named makes
 * the model call (whatever the scenario), `none` forbids it, anything else leaves it to the scenario.
 */
function toolChoiceRule(record: ResponseRecord): 'call' | 'none' | undefined {
  const choice = record.object.tool_choice as string | { type?: string } | null;
  if (choice === 'none') return 'none';
  const hasFunctions = record.object.tools.some((tool) => tool.type === 'function');
  if (hasFunctions && (choice === 'required' || (typeof choice === 'object' && choice?.type === 'function'))) return 'call';
  return undefined;
}

/** Whether this turn answers function calls with outputs, and how many rounds have been answered. */
function answeredRounds(plan: Plan): number | undefined {
  if (!plan.record.inputs.some(isFunctionCallOutput)) return undefined;
  return Math.ceil(plan.sinceUser.filter(isFunctionCallOutput).length / plan.record.settings.parallel);
}

/**
 * The response's schedule from `startMs`: a background response waits `queuedMs` in `queued`;
 * then the scenario's output items, then its terminal status.
 */
export function planResponse(record: ResponseRecord, ids: IdFactory, startMs: number): ResponseStep[] {
  const plan = new Plan(startMs, record, ids);
  if (record.object.background) plan.after(responseTimings.queuedMs, (m) => m.setStatus('in_progress'), true);
  const { scenario, rounds } = record.settings;
  const answered = answeredRounds(plan);
  const done = (m: ResponseMutator) => m.finish('completed', plan.usage());
  const rule = toolChoiceRule(record);
  // A forced choice still stops after `rounds` answered rounds: clients (the Agents SDK) reset it
  // after a tool round, and a model that never stopped would only loop.
  const calling = rule === 'call' || (scenario === 'function_call' && rule !== 'none');

  if (calling && (answered === undefined || answered < rounds)) {
    functionCallsPhase(plan);
  } else if (answered !== undefined) {
    messagePhase(plan, replies.afterTools(plan));
  } else if (scenario === 'reasoning') {
    reasoningPhase(plan);
    messagePhase(plan, replies.message(plan));
  } else if (scenario === 'code_interpreter') {
    codeInterpreterPhase(plan);
  } else if (scenario === 'file_search') {
    fileSearchPhase(plan);
  } else if (scenario === 'bulk') {
    if (bulkPhase(plan) === 'failed') return plan.steps;
  } else if (scenario === 'fail') {
    messagePhase(plan, replies.message(plan), { cutAt: 0.5 });
    plan.after(0, (m) => m.finish('failed', plan.usage(), { error: { code: 'server_error', message: 'Sorry, something went wrong.' } }), true);
    return plan.steps;
  } else if (scenario === 'incomplete') {
    messagePhase(plan, replies.message(plan), { cutAt: 0.7 });
    plan.after(0, (m) => m.finish('incomplete', plan.usage(), { incomplete_details: { reason: 'max_output_tokens' } }), true);
    return plan.steps;
  } else if (scenario === 'slow') {
    messagePhase(plan, replies.slow(plan), { chunks: 40, durationMs: responseTimings.slowMs });
  } else {
    messagePhase(plan, replies.message(plan));
  }
  plan.after(0, done, true);
  return plan.steps;
}
