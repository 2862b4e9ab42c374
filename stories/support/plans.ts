import type { RunStatus } from '../../src/core';
import type { RunPlan } from './backend';
import type { BackendGlobal } from './backend-switch';

/** How to reach each run status with the emulator's scenarios and a manual clock (emulator ms). */
export const statusPlans: Record<RunStatus, RunPlan> = {
  queued: { scenario: 'message', advanceMs: 0 },
  in_progress: { scenario: 'slow', advanceMs: 10_000 },
  requires_action: { scenario: 'function_call', advanceMs: 2_000 },
  cancelling: { scenario: 'slow', advanceMs: 5_000, cancel: true },
  cancelled: { scenario: 'slow', advanceMs: 5_000, cancel: true, afterCancelMs: 1_000 },
  failed: { scenario: 'fail' },
  completed: { scenario: 'message' },
  incomplete: { scenario: 'incomplete', params: { max_completion_tokens: 256 } },
  expired: { scenario: 'expire' },
};

/**
 * The status a plan of `statusPlans` reaches on the Responses API where it differs by design: a
 * cancel is immediate (no `cancelling`), and with no deadlines an unanswered call waits (no `expired`).
 */
const responsesStatusOf: Partial<Record<RunStatus, RunStatus>> = { cancelling: 'cancelled', expired: 'requires_action' };

/** The status `statusPlans[status]` (or cancelling a live run) reaches on `backend`. */
export function statusReached(backend: BackendGlobal, status: RunStatus): RunStatus {
  return backend === 'responses' ? (responsesStatusOf[status] ?? status) : status;
}

/** The label RunStatus shows for each status (src/primitives/README.md). */
export const statusLabels: Record<RunStatus, string> = {
  queued: 'Queued',
  in_progress: 'In progress',
  requires_action: 'Needs tool outputs',
  cancelling: 'Cancelling',
  cancelled: 'Cancelled',
  failed: 'Failed',
  completed: 'Completed',
  incomplete: 'Incomplete',
  expired: 'Expired',
};

/** Step-type plans: one completed run per kind of step. */
export const stepPlans = {
  message_creation: { scenario: 'message' },
  function: { scenario: 'function_call', answer: '{"temperature":18,"unit":"celsius"}' },
  code_interpreter: { scenario: 'code_interpreter' },
  file_search: { scenario: 'file_search' },
  failed: { scenario: 'fail' },
} satisfies Record<string, RunPlan>;
