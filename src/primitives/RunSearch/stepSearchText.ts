import type { Message } from '../../api/schemas/message.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import type { StepSearchField } from './types.js';
import { visitStepText } from './visitStepText.js';

/** The fields in the order matches report them. */
export const stepSearchFields: readonly StepSearchField[] = ['message', 'arguments', 'output', 'code', 'logs', 'file_search', 'tool_name', 'error'];

/**
 * A step's searchable text by field, as shown (not lowercased): the text of the message it wrote
 * (when given), each call's arguments and output, code and logs, file-search file names and chunk
 * text, the tool names, and `last_error.message`. Several pieces of one field are joined by a line
 * break; fields with no text are left out.
 *
 * @example
 * stepSearchText(failedStep) // → { arguments: '{"order":"ord_5",…}', tool_name: 'charge_card', error: 'charge_card failed: …' }
 */
export function stepSearchText(step: RunStep, message?: Message): Record<string, string> {
  const pieces = new Map<StepSearchField, string[]>();
  visitStepText(step, message, {
    add(field, text) {
      const list = pieces.get(field);
      if (list) list.push(text);
      else pieces.set(field, [text]);
    },
  });
  const text: Record<string, string> = {};
  for (const field of stepSearchFields) {
    const list = pieces.get(field);
    if (list) text[field] = list.join('\n');
  }
  return text;
}

/** The message a message_creation step wrote, from `messages` by id. */
export function messageOfStep(step: RunStep, messages: ReadonlyMap<string, Message> | undefined): Message | undefined {
  return messages && step.step_details.type === 'message_creation' ? messages.get(step.step_details.message_creation.message_id) : undefined;
}
