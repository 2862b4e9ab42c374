// Run streams into the cache: follow one (followRunStream), see which are open (registry), and the
// delta merge rules on their own (for tests, replay tools and other consumers of raw events).
export { followRunStream, type FollowRunStreamOptions, type RunStreamOptions } from './follow-run-stream.js';
export { mergeMessageDelta, mergeRunStepDelta } from './merge-delta.js';
export {
  isStreamFeeding,
  runStreamState,
  subscribeRunStreams,
  type RunStreamState,
  type RunStreamStatus,
} from './registry.js';
