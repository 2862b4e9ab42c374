import type { RunStep } from '../../api/schemas/run-step.js';
import { stepToolNames } from '../../primitives/RunSearch/index.js';

/** What a step is, in a few words: "Message", "Tool calls: get_weather, get_forecast", or a new kind's type. */
export function stepTitle(step: RunStep): string {
  const details = step.step_details;
  if (details.type === 'message_creation') return 'Message';
  if (details.type === 'tool_calls') {
    const names = stepToolNames(step);
    return names.length > 0 ? `Tool calls: ${names.join(', ')}` : 'Tool calls';
  }
  return details.original_type;
}
