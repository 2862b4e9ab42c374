'use client';

import { isTerminalRunStatus } from '../../api/schemas/run-status.js';
import type { Run } from '../../api/schemas/index.js';
import { whyUnsupported } from '../../api/capabilities.js';
import { useCancelRun } from '../../react/useCancelRun.js';
import { useRunsCapabilities } from '../../react/useRunsCapabilities.js';
import { ErrorState } from './states.js';

/**
 * "Cancel run" while the run can still end early; disabled once it reads `cancelling`. A backend
 * that can't cancel gets its reason instead of the button.
 */
export function RunActions({ threadId, run }: { threadId: string; run: Run }) {
  const cancel = useCancelRun(threadId, run.id);
  const cannotCancel = whyUnsupported(useRunsCapabilities().cancel);
  if (isTerminalRunStatus(run.status)) return null;
  if (cannotCancel) {
    return (
      <p className="rl-muted" data-slot="run-actions">
        {cannotCancel}
      </p>
    );
  }
  return (
    <div className="rl-row" data-slot="run-actions">
      <button
        type="button"
        data-variant="danger"
        disabled={!cancel.canCancel || cancel.isPending}
        aria-busy={cancel.isPending || undefined}
        onClick={() => cancel.mutate()}
      >
        {run.status === 'cancelling' ? 'Cancelling…' : 'Cancel run'}
      </button>
      {cancel.error && <ErrorState error={cancel.error} title="Could not cancel" />}
    </div>
  );
}
