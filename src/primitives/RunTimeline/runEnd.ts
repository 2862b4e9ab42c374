import { isTerminalRunStatus } from '../../api/schemas/run-status.js';
import type { Run, TerminalRunStatus } from '../../api/schemas/run.js';
import type { RunStep } from '../../api/schemas/run-step.js';

export interface RunEnd {
  /** The word for how it stopped: "Completed", "Failed", "Cancelled", "Expired", "Ended" (incomplete). */
  label: string;
  /** When, in ms. */
  atMs: number;
}

const endLabels: Record<TerminalRunStatus, string> = {
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  expired: 'Expired',
  incomplete: 'Ended',
};

/** The stamp each way a step can stop sets, in the order the API's statuses are read, with its word. */
const stepEndStamps = [
  ['completed_at', 'Completed'],
  ['failed_at', 'Failed'],
  ['cancelled_at', 'Cancelled'],
  ['expired_at', 'Expired'],
] as const;

/**
 * When a step stopped (unix seconds) and the word for how, from the stamp its status set; null
 * while it has none (still running). The waterfall's bars and the step details both end here.
 */
export function stepEnd(step: RunStep): { label: string; at: number } | null {
  for (const [key, label] of stepEndStamps) {
    const at = step[key];
    if (at != null) return { label, at };
  }
  return null;
}

/** The latest time (unix seconds) a step carries. */
export function stepLatestStamp(step: RunStep): number {
  return Math.max(step.created_at, step.completed_at ?? 0, step.failed_at ?? 0, step.cancelled_at ?? 0, step.expired_at ?? 0);
}

/**
 * When a run stopped, or null while it can still change. The API stamps completed, failed and
 * cancelled runs; an incomplete or expired run carries no end stamp (and `expires_at` is null once
 * terminal), so its end is the latest time it or its `steps` carry — never the wall clock.
 */
export function runEnd(run: Run, steps: readonly RunStep[] = []): RunEnd | null {
  if (!isTerminalRunStatus(run.status)) return null;
  const stamped = run.completed_at ?? run.failed_at ?? run.cancelled_at;
  const at = stamped ?? Math.max(run.created_at, run.started_at ?? 0, ...steps.map(stepLatestStamp));
  return { label: endLabels[run.status], atMs: at * 1000 };
}

/** Started (or created) to its end, or to `nowMs` while the run can still change. */
export function runDurationMs(run: Run, nowMs: number, steps: readonly RunStep[] = []): number {
  const start = (run.started_at ?? run.created_at) * 1000;
  return (runEnd(run, steps)?.atMs ?? nowMs) - start;
}
