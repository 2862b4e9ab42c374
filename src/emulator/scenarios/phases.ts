import type { IdFactory } from '../ids.js';
import { usage, type MessageContentDelta } from '../mutator.js';
import type { RunRecord } from '../store.js';
import type { Timeline } from '../timeline.js';
import type { LastError, MessageObject, RunObject, RunStepObject, TerminalRunStatus } from '../types.js';
import { withText } from './custom-text.js';
import { chunkText, estimateTokens, promptTokens } from './text.js';

/** Scenario timings, in emulator ms. */
export const timings = {
  /** queued → in_progress. */
  queuedMs: 500,
  /** One step (tool call or message) from created to done. */
  stepMs: 1_000,
  /** cancelling → cancelled. */
  cancelMs: 500,
  /** expires_at = created_at + 600 s. */
  expiresAfterMs: 600_000,
  /** The `slow` scenario's message step. */
  slowMs: 120_000,
} as const;

export interface PlanContext {
  record: RunRecord;
  ids: IdFactory;
  timeline: Timeline;
}

export function startPhase({ timeline }: PlanContext): void {
  timeline.after(timings.queuedMs, (m) => m.setStatus('in_progress'));
}

export function finishPhase({ timeline }: PlanContext, status: TerminalRunStatus, patch: Partial<RunObject> = {}): void {
  timeline.after(0, (m) => m.finish(status, patch));
}

export const serverError: LastError = { code: 'server_error', message: 'Sorry, something went wrong.' };

export interface MessagePlan {
  text: string;
  /** @default timings.stepMs */
  durationMs?: number;
  /** About how many text deltas. @default 6 */
  chunks?: number;
  /** An image (e.g. a code_interpreter chart) shown before the text. */
  imageFileId?: string;
  /** A citation: `marker` must occur in `text`; it arrives in its own delta carrying the annotation. */
  citation?: { marker: string; fileId: string };
  /**
   * `completed`; `max_tokens` (message incomplete, step completed — the run goes `incomplete`);
   * `failed` (half the text, message incomplete, step failed with server_error).
   * @default 'completed'
   */
  outcome?: 'completed' | 'max_tokens' | 'failed';
}

function textDeltas(plan: MessagePlan, index: number): MessageContentDelta[] {
  const count = plan.chunks ?? 6;
  const piece = (value: string, annotations?: object[]): MessageContentDelta => ({
    index,
    type: 'text',
    text: annotations ? { value, annotations } : { value },
  });
  if (!plan.citation) return chunkText(plan.text, count).map((value) => piece(value));
  const { marker, fileId } = plan.citation;
  const start = plan.text.indexOf(marker);
  const before = chunkText(plan.text.slice(0, start), Math.ceil(count / 2));
  const after = chunkText(plan.text.slice(start + marker.length), Math.floor(count / 2));
  const annotation = { index: 0, type: 'file_citation', text: marker, file_citation: { file_id: fileId }, start_index: start, end_index: start + marker.length };
  return [...before.map((v) => piece(v)), piece(marker, [annotation]), ...after.map((v) => piece(v))];
}

/** A message_creation step writing one assistant message in deltas over `durationMs`. */
export function messagePhase(ctx: PlanContext, messagePlan: MessagePlan): void {
  const { record, ids, timeline } = ctx;
  // `emulator.text` goes at the end, so a citation marker keeps its offset.
  const plan = { ...messagePlan, text: withText(record, messagePlan.text) };
  const stepId = ids.next('step_');
  const messageId = ids.next('msg_');
  let step: RunStepObject | undefined;
  let message: MessageObject | undefined;
  const textIndex = plan.imageFileId ? 1 : 0;
  const deltas: MessageContentDelta[] = [];
  if (plan.imageFileId) deltas.push({ index: 0, type: 'image_file', image_file: { file_id: plan.imageFileId } });
  const text = textDeltas(plan, textIndex);
  // The first text delta opens the part with an empty annotations list, as the API did.
  const first = text[0];
  if (first?.type === 'text') first.text = { ...first.text, annotations: first.text.annotations ?? [] };
  const outcome = plan.outcome ?? 'completed';
  deltas.push(...(outcome === 'failed' ? text.slice(0, Math.max(1, Math.ceil(text.length / 2))) : text));

  timeline.after(0, (m) => {
    step = m.createStep(stepId, { type: 'message_creation', message_creation: { message_id: messageId } });
    message = m.createMessage(messageId);
  });
  const gap = Math.floor((plan.durationMs ?? timings.stepMs) / (deltas.length + 1));
  for (const delta of deltas) timeline.after(gap, (m) => message && m.messageDelta(message, [delta]), false);
  timeline.after(gap, (m) => {
    if (!step || !message) return;
    const written = message.content.map((p) => (p.type === 'text' ? p.text.value : '')).join('');
    const maxTokens = record.object.max_completion_tokens;
    if (outcome === 'failed') {
      m.finishMessage(message, 'run_failed');
      m.finishStep(step, 'failed', usage(promptTokens(record), estimateTokens(written)), serverError);
    } else if (outcome === 'max_tokens') {
      m.finishMessage(message, 'max_tokens');
      m.finishStep(step, 'completed', usage(promptTokens(record), maxTokens ?? estimateTokens(written)));
    } else {
      m.finishMessage(message);
      m.finishStep(step, 'completed', usage(promptTokens(record), estimateTokens(written)));
    }
  });
}
