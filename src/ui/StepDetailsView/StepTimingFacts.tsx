'use client';

import type { RunStep } from '../../api/schemas/run-step.js';
import { formatDuration } from '../../primitives/RunTimeline/index.js';
import { UnixTime } from '../RunInspector/UnixTime.js';
import { stepTiming } from './stepTiming.js';

/** Created, start offset in the run (with `runStartMs`), duration and end, as a `<dl>` of facts. */
export function StepTimingFacts({ step, runStartMs }: { step: RunStep; runStartMs?: number }) {
  const { end, durationMs, offsetMs } = stepTiming(step, runStartMs);
  return (
    <dl className="rl-facts">
      <dt>Created</dt>
      <dd>
        <UnixTime seconds={step.created_at} />
      </dd>
      {offsetMs !== null && (
        <>
          <dt>Start offset</dt>
          <dd>+{formatDuration(offsetMs)}</dd>
        </>
      )}
      <dt>Duration</dt>
      <dd>{durationMs !== null ? formatDuration(durationMs) : step.status === 'in_progress' ? 'Still running' : '—'}</dd>
      <dt>{end?.label ?? 'Ended'}</dt>
      <dd>{end ? <UnixTime seconds={end.at} /> : '—'}</dd>
    </dl>
  );
}
