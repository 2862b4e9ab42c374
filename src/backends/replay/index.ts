// `runlens/replay`: a read-only RunsClient over an exported run (a `.runlens.json` bundle), with
// an optional replay of the run as it happened. Checks the file with the run model's zod schemas.
export { createReplayRunsClient, type ReplayOptions, type ReplayRunsClient } from './client.js';
export { parseRunBundle, RunBundleError } from './parse.js';
export { RUN_BUNDLE_FORMAT, RUN_BUNDLE_VERSION, type RecordedRunEvent, type RunBundle } from '../../api/bundle/types.js';
