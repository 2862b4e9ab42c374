import type { RecordedRunEvent, RunBundle } from '../../api/bundle/types.js';
import { isTerminalRunStatus } from '../../api/schemas/run-status.js';
import { MESSAGE_EVENT_NAMES, RUN_EVENT_NAMES, RUN_STEP_EVENT_NAMES } from '../../api/schemas/event-names.js';
import type { Message, Run, RunStep } from '../../api/schemas/index.js';

// A bundle's run as it was some time into it: the full-object events (recorded, or made up from the
// objects' timestamps) sorted once and folded forward with a cursor that only moves on, so each read
// applies just the events since the last one; 10 000 steps never refold.

/** What the reads serve: the run, its steps in creation order, and the messages written so far. */
export interface ReplayState {
  run: Run;
  steps: RunStep[];
  /** Step id → index in `steps`. */
  stepIndex: Map<string, number>;
  messages: Map<string, Message>;
  /** True once every event is applied: the state is then the bundle's own objects. */
  ended: boolean;
}

/** What changes at `at`: applied together (a step and the message it starts appear at once). */
interface Change {
  at: number;
  run?: Run;
  step?: RunStep;
  message?: Message;
}

/** The exported final state. */
export function finalState(bundle: RunBundle): ReplayState {
  return {
    run: bundle.run,
    steps: bundle.steps,
    stepIndex: new Map(bundle.steps.map((step, i) => [step.id, i])),
    messages: new Map(bundle.messages.map((message) => [message.id, message])),
    ended: true,
  };
}

const runEvents = new Set<string>(RUN_EVENT_NAMES);
const stepEvents = new Set<string>(RUN_STEP_EVENT_NAMES);
const messageEvents = new Set<string>(MESSAGE_EVENT_NAMES);

/** The recorded events that carry a whole object (deltas, `done` and `error` carry none). */
function recordedChanges(events: readonly RecordedRunEvent[]): Change[] {
  const changes: Change[] = [];
  for (const { at, event } of events) {
    if (runEvents.has(event.event)) changes.push({ at, run: event.data as Run });
    else if (stepEvents.has(event.event)) changes.push({ at, step: event.data as RunStep });
    else if (messageEvents.has(event.event)) changes.push({ at, message: event.data as Message });
  }
  return changes;
}

const stepEnd = (step: RunStep): number | null => step.completed_at ?? step.failed_at ?? step.cancelled_at ?? step.expired_at;

/**
 * Changes made up from the timestamps when nothing was recorded: the run queued at `created_at`,
 * in progress at `started_at`; each step in progress from its `created_at` with its message empty,
 * each final at its end stamp; the run final at its end (or its latest stamp).
 * Timestamps are whole seconds: changes in one second keep this order, spread over it.
 */
function synthesizedChanges(bundle: RunBundle): Change[] {
  const { run } = bundle;
  const ms = (seconds: number) => (seconds - run.created_at) * 1000;
  const messages = new Map(bundle.messages.map((message) => [message.id, message]));
  const queued: Run = { ...run, status: 'queued', started_at: null, completed_at: null, failed_at: null, cancelled_at: null, last_error: null, usage: null, required_action: null, incomplete_details: null };
  const changes: Change[] = [{ at: 0, run: queued }];
  if (run.started_at !== null) changes.push({ at: ms(run.started_at), run: { ...queued, status: 'in_progress', started_at: run.started_at } });
  let latest = Math.max(run.created_at, run.started_at ?? 0);
  for (const step of bundle.steps) {
    const end = stepEnd(step);
    latest = Math.max(latest, step.created_at, end ?? 0);
    const message = step.step_details.type === 'message_creation' ? messages.get(step.step_details.message_creation.message_id) : undefined;
    const done = message ? (message.completed_at ?? message.incomplete_at) : null;
    changes.push({
      at: ms(step.created_at),
      step: end === null ? step : { ...step, status: 'in_progress', completed_at: null, failed_at: null, cancelled_at: null, expired_at: null, last_error: null, usage: null },
      // The step's message appears with it (a reader fetches it as soon as it sees the step), empty until written.
      ...(message && { message: done === null ? message : { ...message, status: 'in_progress', completed_at: null, incomplete_at: null, incomplete_details: null, content: [] } }),
    });
    if (message && done !== null) changes.push({ at: ms(Math.max(done, step.created_at)), message });
    if (end !== null) changes.push({ at: ms(end), step });
  }
  const runEnd = run.completed_at ?? run.failed_at ?? run.cancelled_at;
  changes.push({ at: ms(isTerminalRunStatus(run.status) && runEnd !== null ? runEnd : latest), run });
  return spreadWithinSeconds(changes);
}

/**
 * Sorted, and the changes stamped with one second spread evenly over it in the order made, so a
 * replay moves step by step instead of in one-second jumps (a bulk run writes 100 steps a second).
 */
function spreadWithinSeconds(changes: Change[]): Change[] {
  changes.sort((a, b) => a.at - b.at);
  for (let start = 0; start < changes.length; ) {
    let end = start;
    while (end < changes.length && changes[end]!.at === changes[start]!.at) end += 1;
    for (let i = start; i < end; i += 1) changes[i]!.at += ((i - start) / (end - start)) * 1000;
    start = end;
  }
  return changes;
}

/**
 * A player of `bundle` at `speed` (1 = as it happened). The clock starts at the first `read()`;
 * each read returns the state `elapsed × speed` ms after the first change, and the bundle's own
 * final objects once every change is applied.
 */
export function createPlayback(bundle: RunBundle, speed: number, now: () => number): { read(): ReplayState } {
  const recorded = bundle.events ? recordedChanges(bundle.events) : [];
  // Recorded events are used when they hold the run; else (none, or only deltas) the timestamps.
  const changes = recorded.some((change) => change.run) ? recorded : synthesizedChanges(bundle);
  changes.sort((a, b) => a.at - b.at); // stable: same-time changes keep their order
  const origin = changes[0]!.at;
  const state: ReplayState = { run: changes.find((change) => change.run)!.run!, steps: [], stepIndex: new Map(), messages: new Map(), ended: false };
  const final = finalState(bundle);
  let cursor = 0;
  let startedAt: number | undefined;

  function apply(change: Change): void {
    const { run, step, message } = change;
    if (run) state.run = run;
    if (message) state.messages.set(message.id, message);
    if (step) {
      const at = state.stepIndex.get(step.id);
      if (at === undefined) {
        state.stepIndex.set(step.id, state.steps.length);
        state.steps.push(step);
      } else state.steps[at] = step;
    }
  }

  return {
    read() {
      if (cursor >= changes.length) return final;
      const time = now();
      startedAt ??= time;
      const until = origin + (time - startedAt) * speed;
      while (cursor < changes.length && changes[cursor]!.at <= until) apply(changes[cursor++]!);
      return cursor >= changes.length ? final : state;
    },
  };
}
