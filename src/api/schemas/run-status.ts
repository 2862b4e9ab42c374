// The run statuses, apart from the schemas: the UI and the query layer decide by them, and
// importing them must not pull zod into a bundle.

/**
 * Kept closed: polling, the cancel button and the tool-outputs form all decide by status, so a
 * status this code does not know fails loudly instead of being guessed at.
 */
export const RUN_STATUSES = [
  'queued',
  'in_progress',
  'requires_action',
  'cancelling',
  'cancelled',
  'failed',
  'completed',
  'incomplete',
  'expired',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Statuses a run never leaves. `requires_action` and `cancelling` are not among them. */
export const TERMINAL_RUN_STATUSES = [
  'cancelled',
  'failed',
  'completed',
  'incomplete',
  'expired',
] as const satisfies readonly RunStatus[];
export type TerminalRunStatus = (typeof TERMINAL_RUN_STATUSES)[number];

export function isTerminalRunStatus(status: RunStatus): status is TerminalRunStatus {
  return (TERMINAL_RUN_STATUSES as readonly RunStatus[]).includes(status);
}
