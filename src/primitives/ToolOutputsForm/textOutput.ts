/**
 * What the output editor says about its text: it parses as JSON, or it looks like JSON (starts
 * with `{` or `[`) but does not parse. A hint, never an error: any text is a valid tool output.
 */
export type JsonHint = { kind: 'valid' } | { kind: 'invalid'; message: string };

/**
 * The JSON hint for an output's text, or null (empty, or plain text that does not look like JSON).
 *
 * @example
 * jsonHintOf('{"temperature": 21}') // { kind: 'valid' }
 * jsonHintOf('{"temperature": }')   // { kind: 'invalid', message: 'Unexpected token …' }
 * jsonHintOf('sunny')               // null
 */
export function jsonHintOf(text: string): JsonHint | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  try {
    JSON.parse(trimmed);
    return { kind: 'valid' };
  } catch (error) {
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
    return { kind: 'invalid', message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A text output's problem, or null. Any text is sent verbatim; only an empty (or blank) one is
 * refused: the API would accept it, but an empty answer is almost always a slip.
 */
export function validateTextOutput(text: string, name: string): string | null {
  return text.trim() === '' ? `Enter an output for ${name}` : null;
}
