import { badRequest } from './errors.js';
import type { IdFactory } from './ids.js';
import { RunMutator, usage } from './mutator.js';
import { planSegment, timings } from './scenarios/index.js';
import { estimateTokens, promptTokens } from './scenarios/text.js';
import { beforeChange } from './snapshots.js';
import type { RunRecord, ThreadRecord } from './store.js';
import { isTerminal } from './types.js';

// A run is a schedule of timed transitions (see scenarios/). Nothing runs in the background:
// whoever touches a run first applies every transition due by "now" (state advances on read).
// Tool outputs and cancel replace the rest of the schedule with a new one, starting at that moment.

/** Applies every transition scheduled at or before `now`, in order, each at its own time. */
export function advance(record: RunRecord, now: number): void {
  const { pending } = record;
  let due = 0;
  while (due < pending.length && (pending[due]?.at ?? Infinity) <= now) due += 1;
  if (due === 0) return;
  // One splice, not a shift() per item: shift is O(n), so catching up on a 10 000-step run was O(n²).
  // (Transitions never read or replace `pending`; only cancel and tool outputs do, outside advance.)
  for (const next of pending.splice(0, due)) next.apply(new RunMutator(record, next.at));
}

/** Logs `thread.run.created` + `thread.run.queued` and lays out the first segment. */
export function startRun(record: RunRecord, ids: IdFactory, now: number): void {
  const mutator = new RunMutator(record, now);
  mutator.announce('created');
  mutator.announce('queued');
  record.pending = planSegment(record, ids, now);
}

/** The thread's non-terminal run, if any (the API allowed one at a time). */
export function activeRun(thread: ThreadRecord): RunRecord | undefined {
  return thread.runs.find((run) => !isTerminal(run.object.status));
}

/** `cancelling` at once, `cancelled` (with open steps cancelled) `timings.cancelMs` later. */
export function cancelRun(record: RunRecord, now: number): void {
  const { status } = record.object;
  if (isTerminal(status) || status === 'cancelling') throw badRequest(`Cannot cancel run with status '${status}'.`);
  new RunMutator(record, now).setStatus('cancelling', { required_action: null });
  record.pending = [
    {
      at: now + timings.cancelMs,
      transition: true,
      apply(m) {
        m.closeOpenWork('cancelled', 'run_cancelled');
        m.finish('cancelled');
      },
    },
  ];
}

const quoted = (ids: string[]): string => `[${ids.map((id) => `'${id}'`).join(', ')}]`;

/** Completes the waiting tool_calls step with the outputs, re-queues the run and plans what follows. */
export function submitToolOutputs(
  record: RunRecord,
  ids: IdFactory,
  now: number,
  outputs: { tool_call_id: string; output: string }[],
): void {
  const run = record.object;
  if (run.status !== 'requires_action' || !run.required_action) {
    throw badRequest(`Runs in status "${run.status}" do not accept tool outputs.`);
  }
  const expected = run.required_action.submit_tool_outputs.tool_calls.map((call) => call.id);
  const got = outputs.map((output) => output.tool_call_id);
  const exact = got.length === expected.length && new Set(got).size === got.length && got.every((id) => expected.includes(id));
  if (!exact) throw badRequest(`Expected tool outputs for call_ids ${quoted(expected)}, got ${quoted(got)}`, 'tool_outputs');

  const mutator = new RunMutator(record, now);
  const step = record.steps.find((s) => s.status === 'in_progress' && s.step_details.type === 'tool_calls');
  if (step) beforeChange(step, true); // outputs are written into its tool calls in place
  if (step && step.step_details.type === 'tool_calls') {
    for (const call of step.step_details.tool_calls) {
      const output = outputs.find((o) => o.tool_call_id === call.id);
      if (call.type === 'function' && output) call.function.output = output.output;
    }
    const written = step.step_details.tool_calls.map((c) => (c.type === 'function' ? c.function.arguments : '')).join('');
    mutator.finishStep(step, 'completed', usage(promptTokens(record), estimateTokens(written)));
  }
  record.toolOutputs.push(...outputs);
  record.round += 1;
  mutator.setStatus('queued', { required_action: null });
  record.pending = planSegment(record, ids, now);
}

const pollBoundsMs = { min: 100, max: 5_000 } as const;

/**
 * The `openai-poll-after-ms` hint: wall-clock ms until the run's next status change (run or step),
 * clamped to 100–5000; `null` once the run is terminal. In requires_action that change is the
 * expiry, so the hint is the time to expires_at, clamped to the max.
 */
export function pollAfterMs(record: RunRecord, now: number, speed = 1): number | null {
  if (isTerminal(record.object.status)) return null;
  const next = record.pending.find((item) => item.transition) ?? record.pending[0];
  if (!next) return pollBoundsMs.max;
  const wallMs = Math.ceil((next.at - now) / speed);
  return Math.min(pollBoundsMs.max, Math.max(pollBoundsMs.min, wallMs));
}
