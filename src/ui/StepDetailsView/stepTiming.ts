import type { RunStep } from '../../api/schemas/run-step.js';
import { stepEnd } from '../../primitives/RunTimeline/runEnd.js';

export interface StepTiming {
  /** How the step stopped ("Completed", "Failed", "Cancelled", "Expired") and when, in unix seconds; null while it runs. */
  end: { label: string; at: number } | null;
  /** Created to its end in ms; null while it runs. */
  durationMs: number | null;
  /** Created, in ms after `runStartMs`; null without it. */
  offsetMs: number | null;
}

/** When a step started (relative to its run) and ended (`stepEnd`, as the waterfall's bars end). */
export function stepTiming(step: RunStep, runStartMs?: number): StepTiming {
  const end = stepEnd(step);
  return {
    end,
    durationMs: end ? Math.max(0, end.at - step.created_at) * 1000 : null,
    offsetMs: runStartMs === undefined ? null : step.created_at * 1000 - runStartMs,
  };
}
