import type { RunStatus } from '../../api/schemas/run.js';

const labels: Record<RunStatus, string> = {
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

/** A person's word for a run status, e.g. `requires_action` → "Needs tool outputs". */
export function runStatusLabel(status: RunStatus): string {
  return labels[status] ?? status;
}
