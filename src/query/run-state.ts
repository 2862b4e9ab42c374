import { isTerminalRunStatus } from '../api/schemas/run-status.js';
import type { Run, RunStatus, RunStep } from '../api/schemas/index.js';

type RunToolCall = NonNullable<Run['required_action']>['submit_tool_outputs']['tool_calls'][number];

/** A run in a terminal status never changes again, so nobody needs to poll it. */
export function isTerminalStatus(status: RunStatus): boolean {
  return isTerminalRunStatus(status);
}

export function isTerminalRun(run: Run | undefined): boolean {
  return run !== undefined && isTerminalStatus(run.status);
}

/** Only `in_progress` steps can still change. */
export function isStepFinal(step: RunStep): boolean {
  return step.status !== 'in_progress';
}

/** A tool call's id; typed loosely for call types newer than this package, which still carry one. */
export function toolCallId(call: RunToolCall): string {
  return String(call.id);
}

/** The tool calls the run is waiting for; empty unless it is in `requires_action`. */
export function pendingToolCalls(run: Run | undefined): RunToolCall[] {
  if (run?.status !== 'requires_action') return [];
  return run.required_action?.submit_tool_outputs.tool_calls ?? [];
}

/** Milliseconds left until `expires_at` (never negative), or `null` when the run has no deadline. */
export function expiresInMs(run: Run | undefined, now: number): number | null {
  if (!run || run.expires_at == null || isTerminalStatus(run.status)) return null;
  return Math.max(0, run.expires_at * 1000 - now);
}

/** Everything a UI usually derives from a run, in one place so hooks and loaders agree. */
export interface RunDerivedState {
  isTerminal: boolean;
  requiresAction: boolean;
  pendingToolCalls: RunToolCall[];
  expiresInMs: number | null;
}

export function deriveRunState(run: Run | undefined, now: number): RunDerivedState {
  return {
    isTerminal: isTerminalRun(run),
    requiresAction: run?.status === 'requires_action',
    pendingToolCalls: pendingToolCalls(run),
    expiresInMs: expiresInMs(run, now),
  };
}
