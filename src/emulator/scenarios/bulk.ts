import type { IdFactory } from '../ids.js';
import { usage } from '../mutator.js';
import type { RunRecord } from '../store.js';
import type { LastError, StepDetails } from '../types.js';
import { customText, withText } from './custom-text.js';
import type { PlanContext } from './phases.js';

// The `bulk` scenario: `emulator.steps` (1–10000, default 100) cheap tool_calls steps, each created
// and completed in one transition `bulkStepMs` apart, cycling function / code_interpreter /
// file_search; then the usual closing message. For long-list UIs, benchmarks and pagination.
// With `emulator.fail_step` that step is a `charge_card` call that fails, and the run fails with it
// (as a run did after a failed step): the one call to find among thousands.

/** Emulator ms between two bulk steps (10 000 steps take 100 s). */
export const bulkStepMs = 10;

function bulkDetails(record: RunRecord, ids: IdFactory, i: number): StepDetails {
  const id = ids.next('call_');
  switch (i % 3) {
    case 0:
      return {
        type: 'tool_calls',
        tool_calls: [{ id, type: 'function', function: { name: 'lookup', arguments: JSON.stringify({ index: i, query: withText(record, `item ${i}`) }), output: withText(record, `{"index":${i},"ok":true}`) } }],
      };
    case 1:
      return {
        type: 'tool_calls',
        tool_calls: [{ id, type: 'code_interpreter', code_interpreter: { input: `print(${i} * 2)`, outputs: [{ type: 'logs', logs: withText(record, `${i * 2}\n`, '') }] } }],
      };
    default:
      return {
        type: 'tool_calls',
        tool_calls: [{
          id,
          type: 'file_search',
          file_search: {
            ranking_options: { ranker: 'default_2024_08_21', score_threshold: 0 },
            results: [{ file_id: 'file-RunLifecycleGuide00001', file_name: withText(record, 'run-lifecycle-guide.md'), score: 0.91, content: [{ type: 'text', text: withText(record, `Chunk ${i} of the guide.`) }] }],
          },
        }],
      };
  }
}

/** The failed call's tool name, shared by both APIs' bulk scenarios. */
export const failedCallName = 'charge_card';

/** The error the failed call (its step) and then the run carry. */
export const failedCallError: LastError = { code: 'server_error', message: `${failedCallName} failed: the payment service timed out.` };

/** The failed call's arguments for 1-based step `n` (`emulator.text` rides along as a `note`). */
export function failedCallArguments(n: number, text: string | undefined): string {
  return JSON.stringify({ order: `ord_${n}`, amount_cents: 1299, ...(text === undefined ? {} : { note: text }) });
}

function failedCallDetails(record: RunRecord, ids: IdFactory, n: number): StepDetails {
  const id = ids.next('call_');
  return {
    type: 'tool_calls',
    tool_calls: [{ id, type: 'function', function: { name: failedCallName, arguments: failedCallArguments(n, customText(record)), output: null } }],
  };
}

/**
 * Lays out the bulk steps; each is created and completed in one go. With `failStep` the run stops
 * there: that step and then the run fail, and 'failed' tells the caller to lay out nothing more.
 */
export function bulkPhase(ctx: PlanContext): 'completed' | 'failed' {
  const { record, ids, timeline } = ctx;
  const { steps, failStep } = record.settings;
  for (let i = 0; i < steps; i += 1) {
    const stepId = ids.next('step_');
    const gap = i === 0 ? 0 : bulkStepMs;
    if (i + 1 === failStep) {
      const details = failedCallDetails(record, ids, i + 1);
      timeline.after(gap, (m) => {
        m.finishStep(m.createStep(stepId, details), 'failed', usage(20, 8), failedCallError);
        m.finish('failed', { last_error: failedCallError });
      });
      return 'failed';
    }
    const details = bulkDetails(record, ids, i);
    timeline.after(gap, (m) => m.finishStep(m.createStep(stepId, details), 'completed', usage(20, 8)));
  }
  return 'completed';
}
