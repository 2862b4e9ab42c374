import type { Run } from '../../api/schemas/run.js';
import type { RunStep } from '../../api/schemas/run-step.js';

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

const seconds = (unix: number | null | undefined) => (unix == null ? null : unix * 1000);

/** When a run stopped, or null while it is still going. */
function runEndMs(run: Run): number | null {
  return (
    seconds(run.completed_at) ??
    seconds(run.failed_at) ??
    seconds(run.cancelled_at) ??
    (run.status === 'expired' ? seconds(run.expires_at) : null)
  );
}

function stepEndMs(step: RunStep, now: number): { endMs: number; live: boolean } {
  const end =
    seconds(step.completed_at) ?? seconds(step.failed_at) ?? seconds(step.cancelled_at) ?? seconds(step.expired_at);
  if (end != null) return { endMs: end, live: false };
  if (step.status === 'in_progress') return { endMs: now, live: true };
  return { endMs: step.created_at * 1000, live: false };
}

/** Whether `timelineLayout` reads `now`: the run has not ended, or a step is still in progress. */
export function timelineNeedsNow(run: Run, steps: readonly RunStep[]): boolean {
  return runEndMs(run) == null || steps.some((step) => stepEndMs(step, 0).live);
}

const clampPercent = (value: number) => Math.min(100, Math.max(0, value));

/**
 * Gantt geometry of a run: each step's bar as percentages of the run's span, which runs from
 * `created_at` to its completed/failed/cancelled time (or `expires_at` once expired, or `now` while
 * it is going) and stretches to cover any step that ends later. Times are ms.
 */
export function timelineLayout(run: Run, steps: readonly RunStep[], now: number): TimelineLayout {
  const startMs = run.created_at * 1000;
  const spans = steps.map((step) => ({ step, startMs: step.created_at * 1000, ...stepEndMs(step, now) }));
  const latestStepEnd = spans.reduce((latest, span) => Math.max(latest, span.endMs), startMs);
  const endMs = Math.max(runEndMs(run) ?? now, latestStepEnd, startMs);
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
