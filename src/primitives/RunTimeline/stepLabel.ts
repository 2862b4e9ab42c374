import type { RunStep } from '../../api/schemas/run-step.js';
// One naming of tool calls for the waterfall and the search (its tool-name filter).
import { toolCallName } from '../RunSearch/stepToolNames.js';

/** A tool_calls step's calls, in order, each with its name (the sub-rows of a parallel call); [] for any other step. */
export function stepCalls(step: RunStep): { id: string; name: string }[] {
  const details = step.step_details;
  if (details.type !== 'tool_calls') return [];
  return details.tool_calls.map((call) => ({ id: call.id, name: toolCallName(call) }));
}

/**
 * What a step is, in a few words: "Message" for message_creation; for tool_calls the tool names in
 * call order (`stepToolNames`, from RunSearch, with repeats counted) ("get_weather ×2, code_interpreter"), or "Tool calls" before any call
 * has streamed in; a newer step kind's type otherwise.
 */
export function stepLabel(step: RunStep): string {
  const details = step.step_details;
  if (details.type === 'message_creation') return 'Message';
  if (details.type !== 'tool_calls') return details.type === 'unknown' ? details.original_type : step.type;
  const counts = new Map<string, number>();
  for (const call of details.tool_calls) {
    const name = toolCallName(call);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.size === 0) return 'Tool calls';
  return [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ');
}
