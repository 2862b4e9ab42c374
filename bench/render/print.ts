// The inspector's per-phase table and the CPU-profile summary, as markdown on stdout.
import type { BenchResult } from './page/main';
import type { summarize } from './cpu-profile';
import { median } from '../stats';


/** One mount kind (cold or warm) at one size: each column the median over the page loads. */
export interface PhaseRow {
  steps: number;
  mount: 'cold' | 'warm';
  totalMs: number;
  fetchMs: number;
  parseMs: number;
  renderMs: number;
  commitMs: number;
  /** Total minus the four phases: the SDK and query layers, scheduling, style/layout/paint. */
  otherMs: number;
  /** The bundle's module evaluation before the page began (cold only). */
  evaluationMs: number;
  evaluationEndMs: number;
}

export const PhaseRow = {
  from(steps: number, loads: Omit<BenchResult, 'error'>[]): PhaseRow[] {
    const row = (mount: PhaseRow['mount'], mounts: { firstRenderMs: number; phases: BenchResult['phases'] }[]): PhaseRow => {
      const pick = (f: (m: (typeof mounts)[number]) => number) => median(mounts.map(f));
      const other = (m: (typeof mounts)[number]) => m.firstRenderMs - m.phases.fetchMs - m.phases.parseMs - m.phases.renderMs - m.phases.commitMs;
      return {
        steps,
        mount,
        totalMs: pick((m) => m.firstRenderMs),
        fetchMs: pick((m) => m.phases.fetchMs),
        parseMs: pick((m) => m.phases.parseMs),
        renderMs: pick((m) => m.phases.renderMs),
        commitMs: pick((m) => m.phases.commitMs),
        otherMs: pick(other),
        evaluationMs: mount === 'cold' ? median(loads.map((l) => l.evaluationMs)) : NaN,
        evaluationEndMs: mount === 'cold' ? median(loads.map((l) => l.evaluationEndMs)) : NaN,
      };
    };
    const warm = loads.flatMap((l) => (l.warm ? [l.warm] : []));
    return [row('cold', loads), ...(warm.length > 0 ? [row('warm', warm)] : [])];
  },
};

export function printPhases(rows: PhaseRow[], targetMs: number, loads: number): void {
  const fmt = (n: number): string => (Number.isNaN(n) ? '—' : n.toFixed(1));
  console.log(`\n#### RunInspector mount → run and first steps visible, by phase (ms, median of ${loads} page loads each)\n`);
  console.log('| steps | mount | total | target | fetch | parse | render | commit | other | module evaluation (ends at) |');
  console.log('|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const met = r.totalMs <= targetMs ? 'met' : '**not met**';
    const evaluation = r.mount === 'cold' ? `${fmt(r.evaluationMs)} (${fmt(r.evaluationEndMs)})` : '—';
    console.log(
      `| ${r.steps.toLocaleString('en')} | ${r.mount} | ${fmt(r.totalMs)} | ≤ ${targetMs} ${met} | ${fmt(r.fetchMs)} | ${fmt(r.parseMs)} | ${fmt(r.renderMs)} | ${fmt(r.commitMs)} | ${fmt(r.otherMs)} | ${evaluation} |`,
    );
  }
  console.log(
    '\nfetch: the in-page emulator answering (request start → response, overlapping requests counted once); ' +
      'parse: JSON.parse + the zod check of each body; render: React <Profiler> actualDuration; commit: DOM ' +
      'mutations, layout and passive effects; other: the rest of mount → visible (SDK and query layers, ' +
      'scheduling, style/layout/paint, waiting for the frame). Each column is its own median, so they need not add up. ' +
      'Module evaluation (the whole bench bundle: React, the SDK, the emulator, runlens) happens before the mount ' +
      'and is not in the total; "ends at" is ms after navigation start.',
  );
}

export function printProfile(steps: number, summary: ReturnType<typeof summarize>): void {
  const fmt = (n: number): string => n.toFixed(1);
  console.error(`\n  CPU profile of one cold mount, ${steps} steps (${fmt(summary.totalMs)} ms sampled; self time):`);
  console.error('    by what it was doing (innermost known frame):');
  for (const { name, ms } of summary.categories) console.error(`      ${fmt(ms).padStart(7)}  ${name}`);
  console.error('    by module:');
  for (const { name, ms } of summary.modules) console.error(`      ${fmt(ms).padStart(7)}  ${name}`);
  console.error('    by function:');
  for (const { name, ms } of summary.functions) console.error(`      ${fmt(ms).padStart(7)}  ${name}`);
}
