const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A unix-seconds time as `2026-12-02 14:05:09`, in the viewer's zone (`'local'`) or, for server
 * rendering, in UTC with a ` UTC` suffix (any machine renders it alike); the `<time dateTime>`
 * carries the ISO form. Built from Date's getters, not Intl: the page's first Intl date format
 * loads locale data (~45 ms of a cold inspector's first render), and a fixed 24-hour form sorts
 * and compares at a glance, as timestamps in a trace should.
 */
export function formatUnixTime(seconds: number, zone: 'local' | 'utc' = 'local'): { iso: string; text: string } {
  const date = new Date(seconds * 1000);
  const utc = zone === 'utc';
  const parts = utc
    ? [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()]
    : [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  const [year, month, day, hours, minutes, secs] = parts as [number, number, number, number, number, number];
  const text = `${year}-${pad(month)}-${pad(day)} ${pad(hours)}:${pad(minutes)}:${pad(secs)}${utc ? ' UTC' : ''}`;
  return { iso: date.toISOString(), text };
}
