'use client';

import { useEffect, useRef, useState } from 'react';
import { collectRunBundle, runBundleFileName, type RunBundle } from '../../api/bundle/index.js';
import { runBundleToMarkdown } from '../../primitives/RunBundle/index.js';
import type { Run } from '../../api/schemas/index.js';
import { formatTokens } from '../../primitives/Usage/index.js';
import { useRunsClient } from '../../react/useRunsClient.js';
import { errorText } from './states.js';

type ExportState = { kind: 'idle' } | { kind: 'busy'; action: 'download' | 'copy'; steps: number } | { kind: 'done'; text: string } | { kind: 'failed'; text: string };

/**
 * "Download JSON" (the run, every step with its file-search content and the messages it wrote,
 * exactly as the backend returned them, in a versioned bundle that `createReplayRunsClient`
 * opens) and "Copy as Markdown" (a transcript to paste into an issue or an LLM). Both read the
 * whole run again, so what they hold does not depend on how far the list was scrolled.
 */
export function ExportActions({ run }: { run: Run }) {
  const client = useRunsClient();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  const exportAs = async (action: 'download' | 'copy') => {
    abort.current?.abort();
    const controller = (abort.current = new AbortController());
    setState({ kind: 'busy', action, steps: 0 });
    try {
      const bundle = await collectRunBundle(client, run.thread_id, run.id, {
        signal: controller.signal,
        onProgress: (steps) => setState({ kind: 'busy', action, steps }),
      });
      if (action === 'download') {
        downloadBundle(bundle);
        setState({ kind: 'done', text: `Downloaded ${runBundleFileName(bundle)} (${formatTokens(bundle.steps.length)} steps)` });
      } else {
        await copyText(runBundleToMarkdown(bundle));
        setState({ kind: 'done', text: `Copied the run as Markdown (${formatTokens(bundle.steps.length)} steps)` });
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      setState({ kind: 'failed', text: `Could not ${action === 'download' ? 'export' : 'copy'} the run: ${errorText(error)}` });
    }
  };
  const busy = state.kind === 'busy';
  return (
    <div className="rl-row" data-slot="run-export">
      {/* aria-disabled, not disabled: a focused button that turns disabled drops keyboard focus. */}
      <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && void exportAs('download')}>
        Download JSON
      </button>
      <button type="button" aria-disabled={busy || undefined} onClick={() => !busy && void exportAs('copy')}>
        Copy as Markdown
      </button>
      <span className={state.kind === 'failed' ? 'rl-alert' : 'rl-muted'} role="status" data-slot="run-export-status">
        {state.kind === 'busy'
          ? `Reading the run… ${formatTokens(state.steps)} steps`
          : state.kind === 'idle'
            ? ''
            : state.text}
      </span>
    </div>
  );
}

function downloadBundle(bundle: RunBundle): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: runBundleFileName(bundle) });
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the URL to the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard?.writeText) throw new Error('This page has no clipboard access (it needs a secure context: https or localhost).');
  await navigator.clipboard.writeText(text);
}
