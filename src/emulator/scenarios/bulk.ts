import type { IdFactory } from '../ids.js';
import { usage } from '../mutator.js';
import type { RunRecord } from '../store.js';
import type { StepDetails } from '../types.js';
import { withText } from './custom-text.js';
import type { PlanContext } from './phases.js';

// The `bulk` scenario: `emulator.steps` (1–10000, default 100) cheap tool_calls steps, each created
// and completed in one transition `bulkStepMs` apart, cycling function / code_interpreter /
// file_search; then the usual closing message. For long-list UIs, benchmarks and pagination.

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

/** Lays out the bulk steps; each is created and completed in one go. */
export function bulkPhase(ctx: PlanContext): void {
  const { record, ids, timeline } = ctx;
  for (let i = 0; i < record.settings.steps; i += 1) {
    const stepId = ids.next('step_');
    const details = bulkDetails(record, ids, i);
    timeline.after(i === 0 ? 0 : bulkStepMs, (m) => m.finishStep(m.createStep(stepId, details), 'completed', usage(20, 8)));
  }
}
