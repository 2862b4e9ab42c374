import type { QueryClient } from '@tanstack/query-core';
import { MESSAGE_EVENT_NAMES, RUN_EVENT_NAMES, RUN_STEP_EVENT_NAMES } from '../../api/schemas/event-names.js';
import type { AssistantStreamEvent, Run } from '../../api/schemas/index.js';
import { markStepListsCurrent, writeMessage, writeRun, writeRunStep } from '../cache.js';
import { isTerminalStatus } from '../run-state.js';
import { mergeMessageDelta, mergeRunStepDelta } from './merge-delta.js';
import type { RunStreamEntry } from './registry.js';

type EventNamed<N extends string> = Extract<AssistantStreamEvent, { event: N }>;
type RunEvent = EventNamed<(typeof RUN_EVENT_NAMES)[number]>;

const runEventNames = new Set<string>(RUN_EVENT_NAMES);
const stepEventNames = new Set<string>(RUN_STEP_EVENT_NAMES);
const messageEventNames = new Set<string>(MESSAGE_EVENT_NAMES);

export function isRunEvent(event: AssistantStreamEvent): event is RunEvent {
  return runEventNames.has(event.event);
}
const isStepEvent = (event: AssistantStreamEvent): event is EventNamed<(typeof RUN_STEP_EVENT_NAMES)[number]> =>
  stepEventNames.has(event.event);
const isMessageEvent = (event: AssistantStreamEvent): event is EventNamed<(typeof MESSAGE_EVENT_NAMES)[number]> =>
  messageEventNames.has(event.event);

/** A run the API stops streaming at: terminal, or waiting for tool outputs (their submit streams on). */
export function endsRunStream(run: Run): boolean {
  return run.status === 'requires_action' || isTerminalStatus(run.status);
}

/**
 * Applies one event of `entry`'s stream to the cache through cache.ts. Full objects (run, step,
 * message events) are written as sent; deltas are merged into the stream's own snapshot of the
 * object and that is written. A delta whose object this stream has not delivered is skipped: the
 * object's next full event carries it, and a stream that breaks first is followed by a refetch.
 */
export function applyStreamEvent(queryClient: QueryClient, entry: RunStreamEntry, event: AssistantStreamEvent): void {
  if (isRunEvent(event)) {
    writeRun(queryClient, event.data, { isNew: event.event === 'thread.run.created' });
    // Steps fetched while the stream was open may have missed a late step: put every one back.
    if (endsRunStream(event.data)) for (const step of entry.steps.values()) writeRunStep(queryClient, step, { isNew: true });
    markStepListsCurrent(queryClient, event.data);
  } else if (isStepEvent(event)) {
    entry.steps.set(event.data.id, event.data);
    writeRunStep(queryClient, event.data, { isNew: true });
  } else if (event.event === 'thread.run.step.delta') {
    const base = entry.steps.get(event.data.id);
    if (!base) return;
    const step = mergeRunStepDelta(base, event.data);
    entry.steps.set(step.id, step);
    writeRunStep(queryClient, step);
  } else if (isMessageEvent(event)) {
    entry.messages.set(event.data.id, event.data);
    writeMessage(queryClient, event.data);
  } else if (event.event === 'thread.message.delta') {
    const base = entry.messages.get(event.data.id);
    if (!base) return;
    const message = mergeMessageDelta(base, event.data);
    entry.messages.set(message.id, message);
    writeMessage(queryClient, message);
  }
}
