import type { IdFactory } from '../ids.js';
import type { RunRecord } from '../store.js';
import { Timeline, type Scheduled } from '../timeline.js';
import { bulkPhase } from './bulk.js';
import { finishPhase, messagePhase, serverError, startPhase, timings, type PlanContext } from './phases.js';
import type { ScenarioName } from './settings.js';
import { replies } from './text.js';
import { codeInterpreterPhase, fileSearchPhase, functionCallsPhase } from './tool-phases.js';

export { scenarioNames, type ScenarioName, type ScenarioSettings } from './settings.js';
export { timings } from './phases.js';

/** Asks for tool outputs `rounds` times, then answers with what it got. */
function toolRounds(ctx: PlanContext): void {
  startPhase(ctx);
  if (ctx.record.round < ctx.record.settings.rounds) {
    functionCallsPhase(ctx);
    return;
  }
  messagePhase(ctx, { text: replies.afterTools(ctx.record) });
  finishPhase(ctx, 'completed');
}

/**
 * Each scenario lays out one segment of a run: from creation (or from the latest tool outputs)
 * up to the next pause (`requires_action`) or the end.
 */
const scenarios: Record<ScenarioName, (ctx: PlanContext) => void> = {
  message(ctx) {
    startPhase(ctx);
    messagePhase(ctx, { text: replies.message(ctx.record) });
    finishPhase(ctx, 'completed');
  },
  function_call: toolRounds,
  // Same calls as function_call; the point is to leave them unanswered until expires_at.
  expire: toolRounds,
  code_interpreter(ctx) {
    startPhase(ctx);
    const imageFileId = codeInterpreterPhase(ctx);
    messagePhase(ctx, { text: replies.codeInterpreter(), imageFileId });
    finishPhase(ctx, 'completed');
  },
  file_search(ctx) {
    startPhase(ctx);
    const hit = fileSearchPhase(ctx);
    const marker = hit ? '【4:0†source】' : '';
    const text = replies.fileSearch(hit?.file_name ?? 'the attached files', marker);
    messagePhase(ctx, hit ? { text, citation: { marker, fileId: hit.file_id } } : { text });
    finishPhase(ctx, 'completed');
  },
  fail(ctx) {
    startPhase(ctx);
    messagePhase(ctx, { text: replies.fail(), outcome: 'failed' });
    finishPhase(ctx, 'failed', { last_error: serverError });
  },
  incomplete(ctx) {
    startPhase(ctx);
    messagePhase(ctx, { text: replies.incomplete(ctx.record), outcome: 'max_tokens' });
    finishPhase(ctx, 'incomplete', { incomplete_details: { reason: 'max_completion_tokens' } });
  },
  bulk(ctx) {
    startPhase(ctx);
    if (bulkPhase(ctx) === 'failed') return;
    messagePhase(ctx, { text: replies.bulk(ctx.record) });
    finishPhase(ctx, 'completed');
  },
  slow(ctx) {
    startPhase(ctx);
    messagePhase(ctx, { text: replies.slow(ctx.record), durationMs: timings.slowMs, chunks: 24 });
    finishPhase(ctx, 'completed');
  },
};

/** The run's schedule from `startMs` to its next pause or end, for its scenario and round. */
export function planSegment(record: RunRecord, ids: IdFactory, startMs: number): Scheduled[] {
  const timeline = new Timeline(startMs, record.jitter);
  scenarios[record.settings.scenario]({ record, ids, timeline });
  return timeline.sorted();
}
