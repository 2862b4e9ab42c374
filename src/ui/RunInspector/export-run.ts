import { collectRunBundle, runBundleFileName, type RunBundle } from '../../api/bundle/index.js';
import type { RunsClient } from '../../api/client.js';
import type { Run } from '../../api/schemas/index.js';
import { runBundleToMarkdown } from '../../primitives/RunBundle/index.js';

// The inspector's export, loaded on the first click (ExportActions imports it with import()):
// reading a whole run and writing Markdown is not needed to show one.

/** What each export does with the bundle; it answers with what to tell the person. */
const exporters = {
  download: (bundle: RunBundle) => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: runBundleFileName(bundle) });
    document.body.append(link);
    link.click();
    link.remove();
    // After the click has handed the URL to the download.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    return `Downloaded ${runBundleFileName(bundle)}`;
  },
  copy: async (bundle: RunBundle) => {
    if (!navigator.clipboard?.writeText) throw new Error('This page has no clipboard access (it needs a secure context: https or localhost).');
    await navigator.clipboard.writeText(runBundleToMarkdown(bundle));
    return 'Copied the run as Markdown';
  },
};

export type ExportAction = keyof typeof exporters;

/** Reads the whole run (every page of steps, its messages) and downloads or copies it; resolves with what happened. */
export async function exportRun(client: RunsClient, run: Run, action: ExportAction, options: { signal: AbortSignal; onProgress(steps: number): void }): Promise<{ done: string; steps: number }> {
  const bundle = await collectRunBundle(client, run.thread_id, run.id, options);
  return { done: await exporters[action](bundle), steps: bundle.steps.length };
}
