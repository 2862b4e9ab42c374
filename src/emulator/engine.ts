import type { Clock } from './clock.js';
import { badRequest } from './errors.js';
import type { IdFactory } from './ids.js';
import { activeRun, advance, cancelRun, startRun, submitToolOutputs } from './lifecycle.js';
import type { AssistantParams, MessageParams, RunParams, ThreadParams } from './request-bodies.js';
import { allowsConcurrentRuns, checkEmulatorMetadata, resolveSettings } from './scenarios/settings.js';
import { timings } from './scenarios/index.js';
import { Store, type RunRecord, type ThreadRecord } from './store.js';
import { toSeconds } from './timeline.js';
import type { AssistantObject, MessageObject, RunObject } from './types.js';

/**
 * The emulator's state and the operations on it, free of HTTP. Every operation takes the time it
 * happens at, so seeding can replay history and requests use the clock's "now".
 */
export class Engine {
  readonly store = new Store();

  constructor(
    readonly clock: Clock,
    readonly ids: IdFactory,
    /** Stretch factors for the phases of every run's schedule (see `EmulatorOptions.timingJitter`). */
    readonly jitter?: () => number,
  ) {}

  /** Brings every run with scheduled transitions up to `now` (state advances on read). */
  tick(now: number): void {
    for (const record of this.store.live) this.advance(record, now);
  }

  advance(record: RunRecord, now: number): void {
    advance(record, now);
    this.track(record);
  }

  private track(record: RunRecord): void {
    if (record.pending.length > 0) this.store.live.add(record);
    else this.store.live.delete(record);
  }

  createAssistant(params: AssistantParams, now: number, id = this.ids.next('asst_')): AssistantObject {
    checkEmulatorMetadata(params.metadata ?? {});
    const assistant: AssistantObject = {
      id,
      object: 'assistant',
      created_at: toSeconds(now),
      name: params.name ?? null,
      description: params.description ?? null,
      model: params.model,
      instructions: params.instructions ?? null,
      tools: params.tools ?? [],
      tool_resources: params.tool_resources ?? {},
      metadata: params.metadata ?? {},
      temperature: params.temperature ?? 1,
      top_p: params.top_p ?? 1,
      response_format: params.response_format ?? 'auto',
    };
    this.store.assistants.set(id, assistant);
    return assistant;
  }

  createThread(params: ThreadParams, now: number, id = this.ids.next('thread_')): ThreadRecord {
    const thread: ThreadRecord = {
      object: { id, object: 'thread', created_at: toSeconds(now), tool_resources: params.tool_resources ?? {}, metadata: params.metadata ?? {} },
      messages: [],
      runs: [],
    };
    this.store.threads.set(id, thread);
    for (const message of params.messages ?? []) this.addMessage(thread, message, now);
    return thread;
  }

  addMessage(thread: ThreadRecord, params: MessageParams, now: number): MessageObject {
    const active = activeRun(thread);
    if (active) throw badRequest(`Can't add messages to ${thread.object.id} while a run ${active.object.id} is active.`);
    const message: MessageObject = {
      id: this.ids.next('msg_'),
      object: 'thread.message',
      created_at: toSeconds(now),
      thread_id: thread.object.id,
      status: 'completed',
      incomplete_details: null,
      completed_at: toSeconds(now),
      incomplete_at: null,
      role: params.role,
      content: params.content,
      assistant_id: null,
      run_id: null,
      attachments: params.attachments ?? [],
      metadata: params.metadata ?? {},
    };
    thread.messages.push(message);
    return message;
  }

  createRun(thread: ThreadRecord, params: RunParams, now: number, id = this.ids.next('run_')): RunRecord {
    const assistant = this.store.assistant(params.assistant_id);
    const active = allowsConcurrentRuns(thread.object.metadata) ? undefined : activeRun(thread);
    if (active) throw badRequest(`Thread ${thread.object.id} already has an active run ${active.object.id}.`);
    const metadata = params.metadata ?? {};
    const parallelToolCalls = params.parallel_tool_calls ?? true;
    const settings = resolveSettings(assistant.metadata, metadata, parallelToolCalls);
    for (const message of params.additional_messages ?? []) this.addMessage(thread, message, now);

    const baseInstructions = params.instructions ?? assistant.instructions ?? '';
    const run: RunObject = {
      id,
      object: 'thread.run',
      created_at: toSeconds(now),
      thread_id: thread.object.id,
      assistant_id: assistant.id,
      status: 'queued',
      required_action: null,
      last_error: null,
      expires_at: toSeconds(now + timings.expiresAfterMs),
      started_at: null,
      cancelled_at: null,
      failed_at: null,
      completed_at: null,
      incomplete_details: null,
      model: params.model ?? assistant.model,
      instructions: params.additional_instructions ? `${baseInstructions}\n\n${params.additional_instructions}`.trim() : baseInstructions,
      tools: params.tools ?? assistant.tools,
      metadata,
      usage: null,
      temperature: params.temperature ?? assistant.temperature ?? 1,
      top_p: params.top_p ?? assistant.top_p ?? 1,
      max_prompt_tokens: params.max_prompt_tokens ?? null,
      max_completion_tokens: params.max_completion_tokens ?? null,
      truncation_strategy: { last_messages: null, ...(params.truncation_strategy ?? { type: 'auto' }) },
      tool_choice: params.tool_choice ?? 'auto',
      parallel_tool_calls: parallelToolCalls,
      response_format: params.response_format ?? assistant.response_format ?? 'auto',
    };
    const record: RunRecord = {
      object: run,
      thread,
      settings,
      round: 0,
      toolOutputs: [],
      createdMs: now,
      expiresMs: now + timings.expiresAfterMs,
      steps: [],
      messages: [],
      pending: [],
      log: [],
      listeners: new Set(),
      ...(this.jitter ? { jitter: this.jitter } : {}),
    };
    thread.runs.push(record);
    this.store.runs.set(id, record);
    startRun(record, this.ids, now);
    this.track(record);
    return record;
  }

  /** A new thread and its first run; checks what createRun would reject first, so a failure leaves no thread behind. */
  createThreadAndRun(threadParams: ThreadParams, runParams: RunParams, now: number): RunRecord {
    const assistant = this.store.assistant(runParams.assistant_id);
    resolveSettings(assistant.metadata, runParams.metadata ?? {}, runParams.parallel_tool_calls ?? true);
    return this.createRun(this.createThread(threadParams, now), runParams, now);
  }

  cancel(record: RunRecord, now: number): void {
    this.advance(record, now);
    cancelRun(record, now);
    this.track(record);
  }

  submitToolOutputs(record: RunRecord, now: number, outputs: { tool_call_id: string; output: string }[]): void {
    this.advance(record, now);
    submitToolOutputs(record, this.ids, now, outputs);
    this.track(record);
  }
}
