/**
 * A unix-seconds time in the viewer's locale and zone (`'local'`), or in a fixed form any machine
 * renders alike (`'utc'`, for server rendering); the `<time dateTime>` carries the ISO form.
 */
export function formatUnixTime(seconds: number, zone: 'local' | 'utc' = 'local'): { iso: string; text: string } {
  const date = new Date(seconds * 1000);
  const text = zone === 'utc' ? date.toLocaleString('en-US', { timeZone: 'UTC', timeZoneName: 'short' }) : date.toLocaleString();
  return { iso: date.toISOString(), text };
}
