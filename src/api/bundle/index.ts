// Run bundles: one run exported as JSON (with its steps, messages and, optionally, its recorded
// stream events). Zod-free; `runlens/replay` reads a bundle back (`parseRunBundle`, `createReplayRunsClient`).
export { RUN_BUNDLE_FORMAT, RUN_BUNDLE_VERSION, type RecordedRunEvent, type RunBundle } from './types.js';
export { collectRunBundle, type CollectRunBundleOptions } from './collect.js';
export { createRunEventRecorder, type RunEventRecorder } from './record.js';
export { runBundleFileName } from './download.js';
