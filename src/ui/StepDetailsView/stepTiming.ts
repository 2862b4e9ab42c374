import type { RunStep } from '../../api/schemas/run-step.js';

export interface StepTiming {
  /** How the step stopped ("Completed", "Failed", "Cancelled", "Expired") and when, in unix seconds; null while it runs. */
  end: { label: string; at: number } | null;
  /** Created to its end in ms; null while it runs. */
  durationMs: number | null;
  /** Created, in ms after `runStartMs`; null without it. */
  offsetMs: number | null;
}

/**
 * When a step started (relative to its run) and ended, from its own stamps. The end stamp is the
 * one its status sets, as the waterfall's bars use (timelineLayout).
 */
export function stepTiming(step: RunStep, runStartMs?: number): StepTiming {
  const stamps: [string, number | null][] = [
    ['Completed', step.completed_at],
    ['Failed', step.failed_at],
    ['Cancelled', step.cancelled_at],
    ['Expired', step.expired_at],
  ];
  const [label, at] = stamps.find(([, stamp]) => stamp != null) ?? [];
  const end = label !== undefined && at != null ? { label, at } : null;
  return {
    end,
    durationMs: end ? Math.max(0, end.at - step.created_at) * 1000 : null,
    offsetMs: runStartMs === undefined ? null : step.created_at * 1000 - runStartMs,
  };
}
