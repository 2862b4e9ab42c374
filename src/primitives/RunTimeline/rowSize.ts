import type { RunStep } from '../../api/schemas/run-step.js';

/** How many call sub-rows a step's bar has: one per call of a tool_calls step with more than one (parallel calls). */
export function callSubRows(step: RunStep): number {
  const details = step.step_details;
  return details.type === 'tool_calls' && details.tool_calls.length > 1 ? details.tool_calls.length : 0;
}

/** A bar row's height in px: the bar, plus a thin row per parallel call. */
export function barRowHeight(step: RunStep, rowHeight: number, callRowHeight: number): number {
  return rowHeight + callSubRows(step) * callRowHeight;
}
