import type { AssistantStreamEvent, Message, Run, RunStep } from '../schemas/index.js';

/** The `format` of every run bundle: tells a runlens export apart from any other JSON file. */
export const RUN_BUNDLE_FORMAT = 'runlens.run-bundle';
/** The bundle layout this package writes and reads; a newer one is refused with a clear error. */
export const RUN_BUNDLE_VERSION = 1;

/** A stream event as it arrived while the run was live. */
export interface RecordedRunEvent {
  /** ms since the recording's first event (≈ the run's `created_at`). */
  at: number;
  event: AssistantStreamEvent;
}

/**
 * One run, exported: everything a RunInspector needs to show it with no backend. The objects are
 * exactly as the backend's `RunsClient` returned them.
 */
export interface RunBundle {
  format: typeof RUN_BUNDLE_FORMAT;
  version: typeof RUN_BUNDLE_VERSION;
  /** When it was exported (ISO 8601). */
  exportedAt: string;
  run: Run;
  /** Every step, oldest first, read with the file-search result content. */
  steps: RunStep[];
  /** The messages the run's `message_creation` steps wrote, in step order. */
  messages: Message[];
  /** The run's stream events, when the app recorded them (see `createRunEventRecorder`): a replay then shows the run as it happened. */
  events?: RecordedRunEvent[];
}
