import type { Run } from '../../api/schemas/index.js';

/** "1.2 s", "3 min 4 s", "1 h 2 min": short enough for a header cell. */
export function formatDuration(ms: number): string {
  const clamped = Math.max(0, ms);
  if (clamped < 60_000) return `${(clamped / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(clamped / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`;
}

/**
 * A unix-seconds time in the viewer's locale and zone (`'local'`), or in a fixed form any machine
 * renders alike (`'utc'`, for server rendering); the `<time dateTime>` carries the ISO form.
 */
export function formatUnixTime(seconds: number, zone: 'local' | 'utc' = 'local'): { iso: string; text: string } {
  const date = new Date(seconds * 1000);
  const text = zone === 'utc' ? date.toLocaleString('en-US', { timeZone: 'UTC', timeZoneName: 'short' }) : date.toLocaleString();
  return { iso: date.toISOString(), text };
}

/** When the run stopped, and how: whichever terminal timestamp it carries. */
export function runEnd(run: Run): { label: string; at: number } | null {
  if (run.completed_at != null) return { label: run.status === 'incomplete' ? 'Ended' : 'Completed', at: run.completed_at };
  if (run.failed_at != null) return { label: 'Failed', at: run.failed_at };
  if (run.cancelled_at != null) return { label: 'Cancelled', at: run.cancelled_at };
  if (run.status === 'expired' && run.expires_at != null) return { label: 'Expired', at: run.expires_at };
  return null;
}

/** Started (or created) to end, or to `now` while the run is still going. */
export function runDurationMs(run: Run, nowMs: number): number {
  const start = (run.started_at ?? run.created_at) * 1000;
  const end = runEnd(run);
  return (end ? end.at * 1000 : nowMs) - start;
}
