/** JSON text → `{ json: true, text: <indented> }`; anything else comes back as it was. */
export function formatJsonText(text: string): { json: boolean; text: string } {
  try {
    return { json: true, text: JSON.stringify(JSON.parse(text), null, 2) };
  } catch {
    return { json: false, text };
  }
}

/**
 * Indented JSON for display. A string is treated as JSON text (model-written arguments, tool
 * outputs) and returned unchanged when it does not parse; other values are stringified.
 *
 * @example
 * prettyJson('{"city":"Paris"}') // '{\n  "city": "Paris"\n}'
 * prettyJson('not json')         // 'not json'
 */
export function prettyJson(value: unknown): string {
  if (typeof value === 'string') return formatJsonText(value).text;
  return JSON.stringify(value, null, 2) ?? String(value);
}
