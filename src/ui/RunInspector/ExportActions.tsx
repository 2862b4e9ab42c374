'use client';

import { useEffect, useRef, useState } from 'react';
import type { Run } from '../../api/schemas/index.js';
import { formatTokens } from '../../primitives/Usage/index.js';
import { useRunsClient } from '../../react/useRunsClient.js';
import type { ExportAction } from './export-run.js';
import { errorText } from './states.js';

/**
 * "Download JSON" (the run, every step with its file-search content and the messages it wrote,
 * exactly as the backend returned them, in a versioned bundle that `createReplayRunsClient`
 * opens) and "Copy as Markdown" (a transcript to paste into an issue or an LLM). Both read the
 * whole run again, so what they hold does not depend on how far the list was scrolled; their code
 * loads on the first click.
 */
export function ExportActions({ run }: { run: Run }) {
  const client = useRunsClient();
  const [status, setStatus] = useState<{ text: string; failed?: boolean; busy?: boolean }>({ text: '' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const start = async (action: ExportAction) => {
    if (status.busy) return;
    const controller = (abort.current = new AbortController());
    const reading = (steps: number) => setStatus({ text: `Reading the run… ${formatTokens(steps)} steps`, busy: true });
    reading(0);
    try {
      const { exportRun } = await import('./export-run.js');
      const { done, steps } = await exportRun(client, run, action, { signal: controller.signal, onProgress: reading });
      setStatus({ text: `${done} (${formatTokens(steps)} steps)` });
    } catch (error) {
      if (!controller.signal.aborted) setStatus({ text: `Could not ${action === 'download' ? 'export' : 'copy'} the run: ${errorText(error)}`, failed: true });
    }
  };
  return (
    <div className="rl-row" data-slot="run-export">
      {/* aria-disabled, not disabled: a focused button that turns disabled drops keyboard focus. */}
      <button type="button" aria-disabled={status.busy} onClick={() => void start('download')}>
        Download JSON
      </button>
      <button type="button" aria-disabled={status.busy} onClick={() => void start('copy')}>
        Copy as Markdown
      </button>
      <span className={status.failed ? 'rl-alert' : 'rl-muted'} role="status" data-slot="run-export-status">
        {status.text}
      </span>
    </div>
  );
}
