import type { RunBundle } from './types.js';

/** The file name to save a bundle under: `run_abc.runlens.json` (characters a file system refuses become `_`). */
export function runBundleFileName(bundle: Pick<RunBundle, 'run'>): string {
  return `${bundle.run.id.replace(/[^\w.-]/g, '_')}.runlens.json`;
}
