import { cloneJson } from './clone.js';
import { applyDelta } from './deltas.js';
import { beforeChange, logLive } from './snapshots.js';
import type { RunRecord } from './store.js';
import { toSeconds } from './timeline.js';
import type {
  LastError,
  MessageObject,
  RequiredToolCall,
  RunObject,
  RunStepObject,
  StepDetails,
  StepStatus,
  TerminalRunStatus,
  Usage,
} from './types.js';

/** A `thread.message.delta` content part, as sent on the wire (with its `index`). */
export type MessageContentDelta =
  | { index: number; type: 'text'; text: { value?: string; annotations?: object[] } }
  | { index: number; type: 'image_file'; image_file: { file_id: string } };

const zeroUsage = (): Usage => ({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });

export function usage(prompt: number, completion: number): Usage {
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

/**
 * The only way a run, its steps and its messages change. Each change is applied at the
 * transition's scheduled time and logged as the API's stream event with a copy of the object,
 * so a stream replaying the log sends exactly what a GET at that moment returns.
 */
export class RunMutator {
  readonly seconds: number;

  constructor(
    readonly record: RunRecord,
    readonly at: number,
  ) {
    this.seconds = toSeconds(at);
  }

  get run(): RunObject {
    return this.record.object;
  }

  /** Logs a run, step or message: the log copies it lazily, when it next changes (see snapshots.ts). */
  private emit(event: string, object: object): void {
    logLive(this.record.log, event, object);
    this.notify();
  }

  /** Logs a delta payload (a fresh object, copied now as it is not tracked). */
  private emitDelta(event: string, data: object): void {
    this.record.log.push({ event, data: cloneJson(data) });
    this.notify();
  }

  private notify(): void {
    for (const listener of this.record.listeners) listener();
  }

  /** Logs the run as it is now under `thread.run.<name>` (used for `created`). */
  announce(name: string): void {
    this.emit(`thread.run.${name}`, this.run);
  }

  setStatus(status: 'queued' | 'in_progress' | 'cancelling', patch: Partial<RunObject> = {}): void {
    beforeChange(this.run, false);
    Object.assign(this.run, patch, { status });
    if (status === 'in_progress') this.run.started_at ??= this.seconds;
    this.emit(`thread.run.${status}`, this.run);
  }

  requireAction(toolCalls: RequiredToolCall[]): void {
    beforeChange(this.run, false);
    this.run.status = 'requires_action';
    this.run.required_action = { type: 'submit_tool_outputs', submit_tool_outputs: { tool_calls: toolCalls } };
    this.emit('thread.run.requires_action', this.run);
  }

  /** Ends the run: its timestamp, usage summed over steps, no expiry, nothing required. */
  finish(status: TerminalRunStatus, patch: Partial<RunObject> = {}): void {
    const run = this.run;
    beforeChange(run, false);
    Object.assign(run, patch, { status, required_action: null, expires_at: null });
    if (status === 'completed') run.completed_at = this.seconds;
    if (status === 'failed') run.failed_at = this.seconds;
    if (status === 'cancelled') run.cancelled_at = this.seconds;
    run.usage = this.record.steps.reduce<Usage>((sum, step) => {
      if (!step.usage) return sum;
      return usage(sum.prompt_tokens + step.usage.prompt_tokens, sum.completion_tokens + step.usage.completion_tokens);
    }, zeroUsage());
    this.emit(`thread.run.${status}`, run);
  }

  createStep(id: string, details: StepDetails): RunStepObject {
    const step: RunStepObject = {
      id,
      object: 'thread.run.step',
      created_at: this.seconds,
      assistant_id: this.run.assistant_id,
      thread_id: this.run.thread_id,
      run_id: this.run.id,
      type: details.type,
      status: 'in_progress',
      step_details: details,
      last_error: null,
      expired_at: null,
      cancelled_at: null,
      failed_at: null,
      completed_at: null,
      metadata: {},
      usage: null,
    };
    this.record.steps.push(step);
    this.emit('thread.run.step.created', step);
    this.emit('thread.run.step.in_progress', step);
    return step;
  }

  /** `details` is the wire delta's `step_details`, tool calls carrying their `index`. */
  stepDelta(step: RunStepObject, details: { type: 'tool_calls'; tool_calls: object[] }): void {
    const delta = { step_details: details };
    beforeChange(step, true);
    applyDelta(step, delta);
    this.emitDelta('thread.run.step.delta', { id: step.id, object: 'thread.run.step.delta', delta });
  }

  finishStep(step: RunStepObject, status: Exclude<StepStatus, 'in_progress'>, stepUsage: Usage | null, lastError: LastError | null = null): void {
    beforeChange(step, false);
    step.status = status;
    step.usage = stepUsage;
    step.last_error = lastError;
    if (status === 'completed') step.completed_at = this.seconds;
    if (status === 'failed') step.failed_at = this.seconds;
    if (status === 'cancelled') step.cancelled_at = this.seconds;
    if (status === 'expired') step.expired_at = this.seconds;
    this.emit(`thread.run.step.${status}`, step);
  }

  createMessage(id: string): MessageObject {
    const message: MessageObject = {
      id,
      object: 'thread.message',
      created_at: this.seconds,
      thread_id: this.run.thread_id,
      status: 'in_progress',
      incomplete_details: null,
      completed_at: null,
      incomplete_at: null,
      role: 'assistant',
      content: [],
      assistant_id: this.run.assistant_id,
      run_id: this.run.id,
      attachments: [],
      metadata: {},
    };
    this.record.messages.push(message);
    this.record.thread.messages.push(message);
    this.emit('thread.message.created', message);
    this.emit('thread.message.in_progress', message);
    return message;
  }

  /** `content` is the wire delta's content parts, each carrying its `index`. */
  messageDelta(message: MessageObject, content: MessageContentDelta[]): void {
    const delta = { content };
    beforeChange(message, true);
    applyDelta(message, delta);
    this.emitDelta('thread.message.delta', { id: message.id, object: 'thread.message.delta', delta });
  }

  finishMessage(message: MessageObject, reason?: NonNullable<MessageObject['incomplete_details']>['reason']): void {
    beforeChange(message, false);
    if (reason) {
      message.status = 'incomplete';
      message.incomplete_at = this.seconds;
      message.incomplete_details = { reason };
      this.emit('thread.message.incomplete', message);
    } else {
      message.status = 'completed';
      message.completed_at = this.seconds;
      this.emit('thread.message.completed', message);
    }
  }

  /** Ends whatever is still open (message, then step) before the run ends with cancel or expiry. */
  closeOpenWork(stepStatus: 'cancelled' | 'expired', messageReason: 'run_cancelled' | 'run_expired'): void {
    for (const message of this.record.messages) if (message.status === 'in_progress') this.finishMessage(message, messageReason);
    for (const step of this.record.steps) if (step.status === 'in_progress') this.finishStep(step, stepStatus, null);
  }
}
