// Made on first use and shared: a formatter built per call (what toLocaleString with options does)
// costs far more than formatting with one.
let utcFormat: Intl.DateTimeFormat | undefined;
// What toLocaleString('en-US', { timeZone: 'UTC', timeZoneName: 'short' }) formats with.
const utcOptions: Intl.DateTimeFormatOptions = {
  timeZone: 'UTC',
  timeZoneName: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/**
 * A unix-seconds time in the viewer's locale and zone (`'local'`), or in a fixed form any machine
 * renders alike (`'utc'`, for server rendering); the `<time dateTime>` carries the ISO form.
 */
export function formatUnixTime(seconds: number, zone: 'local' | 'utc' = 'local'): { iso: string; text: string } {
  const date = new Date(seconds * 1000);
  // Date's own toLocaleString() (no locales, no options) already reuses one cached formatter.
  const text = zone === 'utc' ? (utcFormat ??= new Intl.DateTimeFormat('en-US', utcOptions)).format(date) : date.toLocaleString();
  return { iso: date.toISOString(), text };
}
