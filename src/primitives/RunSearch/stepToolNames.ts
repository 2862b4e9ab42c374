import type { RunStep, ToolCall } from '../../api/schemas/run-step.js';

/** A call's name as a person would type it: the function's name, else the tool kind (a newer kind by its own type). */
export function toolCallName(call: ToolCall): string {
  switch (call.type) {
    case 'function':
      return call.function.name;
    case 'unknown':
      return call.original_type;
    default:
      return call.type;
  }
}

/**
 * The names of the tools a step called, each once, in call order: a function's name, or
 * `code_interpreter` / `file_search` (a tool kind runlens does not model by its own type, e.g.
 * `reasoning` or `web_search_call` from the Responses backend). A message step has none.
 *
 * @example
 * stepToolNames(step) // → ['charge_card']
 */
export function stepToolNames(step: RunStep): string[] {
  if (step.step_details.type !== 'tool_calls') return [];
  const names: string[] = [];
  for (const call of step.step_details.tool_calls) {
    const name = toolCallName(call);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
