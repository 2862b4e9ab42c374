import { notFound } from './errors.js';
import type { Scheduled } from './timeline.js';
import type {
  AssistantObject,
  MessageObject,
  RunObject,
  RunStepObject,
  StreamEvent,
  ThreadObject,
} from './types.js';
import type { ScenarioSettings } from './scenarios/settings.js';

// Every list keeps items in creation order, so the array index is the monotonic sequence that
// pagination sorts by (items created in the same second keep a stable order).

export interface ThreadRecord {
  object: ThreadObject;
  messages: MessageObject[];
  runs: RunRecord[];
}

/** A run plus everything the lifecycle needs to move it forward. */
export interface RunRecord {
  object: RunObject;
  thread: ThreadRecord;
  settings: ScenarioSettings;
  /** How many rounds of tool outputs have been submitted. */
  round: number;
  toolOutputs: { tool_call_id: string; output: string }[];
  createdMs: number;
  /** `expires_at` in ms: created + 600 s. */
  expiresMs: number;
  steps: RunStepObject[];
  /** Messages written by this run (also in the thread's list). */
  messages: MessageObject[];
  /** Transitions still to come, sorted by time: the run's schedule from "now" on. */
  pending: Scheduled[];
  /** Every event the run has emitted, with the object as it was then; streams read from here. */
  log: StreamEvent[];
  /** Called after each logged event, so an open stream wakes at once (e.g. on cancel). */
  listeners: Set<() => void>;
  /** Draws the factor each phase of the schedule is stretched by (the emulator's `timingJitter`). */
  jitter?: () => number;
}

export class Store {
  readonly assistants = new Map<string, AssistantObject>();
  readonly threads = new Map<string, ThreadRecord>();
  readonly runs = new Map<string, RunRecord>();
  /** Runs with transitions still scheduled; advanced on every request. */
  readonly live = new Set<RunRecord>();

  assistant(id: string): AssistantObject {
    const assistant = this.assistants.get(id);
    if (!assistant) throw notFound('assistant', id);
    return assistant;
  }

  thread(id: string): ThreadRecord {
    const thread = this.threads.get(id);
    if (!thread) throw notFound('thread', id);
    return thread;
  }

  run(threadId: string, runId: string): RunRecord {
    const thread = this.thread(threadId);
    const run = this.runs.get(runId);
    if (!run || run.thread !== thread) throw notFound('run', runId);
    return run;
  }

  step(threadId: string, runId: string, stepId: string): RunStepObject {
    const step = this.run(threadId, runId).steps.find((s) => s.id === stepId);
    if (!step) throw notFound('run step', stepId);
    return step;
  }

  message(threadId: string, messageId: string): MessageObject {
    const message = this.thread(threadId).messages.find((m) => m.id === messageId);
    if (!message) throw notFound('message', messageId);
    return message;
  }
}
