import type { RunRecord } from '../store.js';

// `emulator.text` (run or assistant metadata): a string the scenario carries into everything a UI
// shows from the backend — reply text, function-call arguments, code, logs, file names and chunk
// contents — so a UI can be tested with awkward strings (HTML, RTL, very long words) without fixtures.

/** The run's `emulator.text`, or undefined. */
export const customText = (record: RunRecord): string | undefined => record.settings.text;

/** `base` followed by the custom text, when there is one. */
export function withText(record: RunRecord, base: string, separator = ' '): string {
  const text = customText(record);
  return text === undefined ? base : `${base}${separator}${text}`;
}

/** Function-call arguments with every top-level string value replaced by the custom text (or a `text` property added). */
export function withTextArguments(record: RunRecord, args: Record<string, unknown>): Record<string, unknown> {
  const text = customText(record);
  if (text === undefined) return args;
  const entries = Object.entries(args);
  if (!entries.some(([, value]) => typeof value === 'string')) return { ...args, text };
  return Object.fromEntries(entries.map(([key, value]) => [key, typeof value === 'string' ? text : value]));
}
