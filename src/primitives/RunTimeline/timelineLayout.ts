import type { Run } from '../../api/schemas/run.js';
import type { RunStep } from '../../api/schemas/run-step.js';
import { runEnd, stepEnd } from './runEnd.js';

export interface TimelineRow {
  step: RunStep;
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Offset of the bar from the run's start, 0–100. */
  leftPercent: number;
  /** Bar length, 0–100 (0 for an instant step: give bars a CSS `min-width`). */
  widthPercent: number;
  /** Still moving: its end is `now`. */
  live: boolean;
}

export interface TimelineLayout {
  startMs: number;
  endMs: number;
  durationMs: number;
  rows: TimelineRow[];
}

/** A step's end; one still in progress ends at `now`, or at the run's end once the run has one. */
function stepEndMs(step: RunStep, now: number, runEndMs: number | null): { endMs: number; live: boolean } {
  const end = stepEnd(step);
  if (end) return { endMs: end.at * 1000, live: false };
  if (step.status === 'in_progress') return runEndMs == null ? { endMs: now, live: true } : { endMs: runEndMs, live: false };
  return { endMs: step.created_at * 1000, live: false };
}

/** Whether `timelineLayout` reads `now`: only while the run can still change. */
export function timelineNeedsNow(run: Run, steps: readonly RunStep[]): boolean {
  return runEnd(run, steps) == null;
}

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/**
 * Gantt geometry of a run: each step's bar as percentages of the run's span, which runs from
 * `created_at` to its end (`runEnd`, or `now` while it can still change) and stretches to cover any
 * step that ends later. Times are ms.
 */
export function timelineLayout(run: Run, steps: readonly RunStep[], now: number): TimelineLayout {
  const startMs = run.created_at * 1000;
  const runEndMs = runEnd(run, steps)?.atMs ?? null;
  const spans = steps.map((step) => ({ step, startMs: step.created_at * 1000, ...stepEndMs(step, now, runEndMs) }));
  const latestStepEnd = spans.reduce((latest, span) => Math.max(latest, span.endMs), startMs);
  const endMs = Math.max(runEndMs ?? now, latestStepEnd, startMs);
  const durationMs = endMs - startMs;
  const rows = spans.map((span) => {
    const stepStart = Math.max(span.startMs, startMs);
    const stepEnd = Math.max(span.endMs, stepStart);
    const leftPercent = durationMs > 0 ? clampPercent(((stepStart - startMs) / durationMs) * 100) : 0;
    const widthPercent = durationMs > 0 ? clampPercent(((stepEnd - stepStart) / durationMs) * 100) : 100;
    return {
      step: span.step,
      startMs: stepStart,
      endMs: stepEnd,
      durationMs: stepEnd - stepStart,
      leftPercent,
      widthPercent: Math.min(widthPercent, 100 - leftPercent),
      live: span.live,
    };
  });
  return { startMs, endMs, durationMs, rows };
}
