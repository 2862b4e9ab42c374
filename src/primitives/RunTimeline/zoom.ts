import type { TimelineLayout, TimelineRow } from './timelineLayout.js';

/** A time range of the run to show, in ms (absolute, like `TimelineRow.startMs`); null shows the whole run. */
export interface TimelineZoom {
  startMs: number;
  endMs: number;
}

/** Which side of a bar the zoom cut off: `before`/`after` when the whole bar is outside the range. */
export type TimelineClip = 'start' | 'end' | 'both' | 'before' | 'after';

export interface ZoomedBar {
  leftPercent: number;
  widthPercent: number;
  clipped: TimelineClip | undefined;
}

/** The narrowest range zooming in goes to: 1 ms (a step's stamps are whole seconds, live ones ms). */
export const MIN_ZOOM_MS = 1;

/**
 * A bar's place within `zoom` (null: the layout's own percentages), O(1) per bar so it is computed
 * only for the rows on screen. A bar outside the range sits at that edge with width 0.
 */
export function zoomedBar(row: TimelineRow, zoom: TimelineZoom | null): ZoomedBar {
  if (!zoom) return { leftPercent: row.leftPercent, widthPercent: row.widthPercent, clipped: undefined };
  const span = zoom.endMs - zoom.startMs;
  if (span <= 0) return { leftPercent: 0, widthPercent: 0, clipped: 'both' };
  if (row.endMs < zoom.startMs) return { leftPercent: 0, widthPercent: 0, clipped: 'before' };
  if (row.startMs > zoom.endMs) return { leftPercent: 100, widthPercent: 0, clipped: 'after' };
  const cutStart = row.startMs < zoom.startMs;
  const cutEnd = row.endMs > zoom.endMs;
  const start = Math.max(row.startMs, zoom.startMs);
  const end = Math.min(row.endMs, zoom.endMs);
  const leftPercent = ((start - zoom.startMs) / span) * 100;
  const widthPercent = Math.min(((end - start) / span) * 100, 100 - leftPercent);
  return { leftPercent, widthPercent, clipped: cutStart && cutEnd ? 'both' : cutStart ? 'start' : cutEnd ? 'end' : undefined };
}

/** `zoom` kept inside the run and at least MIN_ZOOM_MS wide; null when it covers the whole run. */
export function clampZoom(layout: Pick<TimelineLayout, 'startMs' | 'endMs'>, zoom: TimelineZoom | null): TimelineZoom | null {
  if (!zoom) return null;
  const runSpan = layout.endMs - layout.startMs;
  const width = Math.max(MIN_ZOOM_MS, Math.min(zoom.endMs - zoom.startMs, runSpan));
  if (width >= runSpan) return null;
  const startMs = Math.min(Math.max(zoom.startMs, layout.startMs), layout.endMs - width);
  return { startMs, endMs: startMs + width };
}

/**
 * The range `factor` times as wide (0.5 zooms in, 2 out) around `centerMs` (default: the current
 * range's middle), clamped to the run.
 */
export function zoomBy(
  layout: Pick<TimelineLayout, 'startMs' | 'endMs'>,
  zoom: TimelineZoom | null,
  factor: number,
  centerMs?: number,
): TimelineZoom | null {
  const current = zoom ?? { startMs: layout.startMs, endMs: layout.endMs };
  const center = centerMs ?? (current.startMs + current.endMs) / 2;
  const half = ((current.endMs - current.startMs) * factor) / 2;
  return clampZoom(layout, { startMs: center - half, endMs: center + half });
}

/** A range around one bar, with a tenth of its length of margin each side (a 1 s margin for an instant step). */
export function zoomToRow(layout: Pick<TimelineLayout, 'startMs' | 'endMs'>, row: Pick<TimelineRow, 'startMs' | 'endMs'>): TimelineZoom | null {
  const margin = Math.max((row.endMs - row.startMs) / 10, row.endMs === row.startMs ? 500 : MIN_ZOOM_MS);
  return clampZoom(layout, { startMs: row.startMs - margin, endMs: row.endMs + margin });
}

export interface TimelineTick {
  /** ms from the run's start. */
  offsetMs: number;
  /** Position in the shown range, 0–100. */
  percent: number;
}

const niceSteps = [1, 2, 5];

/** Evenly spaced round offsets from the run's start ("0 s, 5 s, 10 s…") inside the shown range, at most `maxTicks` + 1. */
export function timelineTicks(layout: Pick<TimelineLayout, 'startMs' | 'endMs'>, zoom: TimelineZoom | null, maxTicks = 6): TimelineTick[] {
  const from = zoom?.startMs ?? layout.startMs;
  const to = zoom?.endMs ?? layout.endMs;
  const span = to - from;
  if (!(span > 0) || maxTicks < 1) return [];
  const raw = span / maxTicks;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = (niceSteps.find((nice) => nice * magnitude >= raw) ?? 10) * magnitude;
  const ticks: TimelineTick[] = [];
  for (let offset = Math.ceil((from - layout.startMs) / step) * step; layout.startMs + offset <= to; offset += step) {
    ticks.push({ offsetMs: offset, percent: ((layout.startMs + offset - from) / span) * 100 });
  }
  return ticks;
}
