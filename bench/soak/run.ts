// npm run bench:soak — no growth over time. RunInspector (React 19, TanStack Query, the official
// SDK over HTTP to the emulator on 127.0.0.1, in jsdom) stays open while a simulated hour (the
// emulator's manual clock) brings 500 runs to one thread, each started from the inspector's form,
// then answered, left to finish or cancelled through its buttons. Then the runs go away: the
// inspector moves to a fresh empty thread and TanStack's gcTime passes. Heap (after forced GC),
// DOM nodes, live timers, query and mutation cache entries and runlens's own bookkeeping are
// sampled at the start, every 50 runs, and at the end. The start (the baseline) is taken in the
// same state as the end — an empty thread, gcTime after some runs — after 20 warm-up runs, so the
// process's one-time costs (JIT, lazily loaded code) are not counted as growth; the cold numbers
// are printed too. Target: every end value ≤ 110 % of its start value.
// Env: SOAK_RUNS (500), SOAK_MINUTES (60), SOAK_WARMUP (20 runs), SOAK_GC_MS (gcTime, 5000),
// SOAK_HEAP_SNAPSHOTS (a directory: heap snapshots at the start, after the last run and at the end).
import { liveTimers } from './timers';
import './dom';

const { soak } = await import('./soak');
const { sampleKeys } = await import('./measure');
type Sample = import('./measure').Sample;
type Key = (typeof sampleKeys)[number];

const runs = Number(process.env.SOAK_RUNS ?? 500);
const minutes = Number(process.env.SOAK_MINUTES ?? 60);
const warmupRuns = Number(process.env.SOAK_WARMUP ?? 20);
const gcTimeMs = Number(process.env.SOAK_GC_MS ?? 5_000);
const targetRatio = 1.1;

const labels: Record<Key, string> = {
  heapMb: 'JS heap after GC (MB)',
  domNodes: 'DOM nodes',
  timers: 'live timers (setTimeout + setInterval)',
  queries: 'TanStack query cache entries',
  mutations: 'TanStack mutation cache entries',
  runlensEntries: 'runlens bookkeeping (streams, in-flight)',
};
const format = (key: Key, value: number) => (key === 'heapMb' ? value.toFixed(1) : String(value));
const bySample = (samples: Sample[], label: string) => samples.find((s) => s.label === label)!;
// A count that starts at 0 must end at 0: 110 % of nothing is nothing.
const meets = (key: Key, start: Sample, end: Sample) => end[key] <= start[key] * targetRatio;

function row(key: Key, samples: Sample[]): string {
  const cold = bySample(samples, 'cold')[key];
  const start = bySample(samples, 'start');
  const end = bySample(samples, 'end');
  const peak = Math.max(...samples.filter((s) => s.label !== 'cold').map((s) => s[key]));
  const ratio = start[key] === 0 ? (end[key] === 0 ? '—' : '∞') : `${((end[key] / start[key]) * 100).toFixed(0)} %`;
  const verdict = meets(key, start, end) ? 'met' : '**missed**';
  return `| ${labels[key]} | ${format(key, cold)} | ${format(key, start[key])} | ${format(key, peak)} | ${format(key, end[key])} | ${ratio} | ≤ 110 % | ${verdict} |`;
}

console.log(`\n## Soak — ${runs} runs over a simulated ${minutes} min, RunInspector open (${warmupRuns} warm-up runs, gcTime ${gcTimeMs} ms)\n`);
const result = await soak({
  runs,
  simulatedMs: minutes * 60_000,
  warmupRuns,
  gcTimeMs,
  sampleEvery: Math.max(1, Math.round(runs / 10)),
  onProgress: (done, sample) =>
    console.log(
      `  ${done}/${runs} runs: heap ${sample.heapMb.toFixed(1)} MB, ${sample.domNodes} DOM nodes, ${sample.timers} timers, ` +
        `${sample.queries} queries, ${sample.mutations} mutations, ${sample.runlensEntries} runlens entries`,
    ),
});

const perMinute = result.requests.perMinute.slice(0, minutes);
const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const start = bySample(result.samples, 'start');
const end = bySample(result.samples, 'end');
console.log(`\n| measure | cold | start (baseline) | peak | end | end ÷ start | target | |`);
console.log(`|---|---:|---:|---:|---:|---:|---:|---|`);
for (const key of sampleKeys) console.log(row(key, result.samples));
console.log(
  `\n- runs: ${Object.entries(result.outcomes).map(([status, n]) => `${n} ${status}`).join(', ')}; ` +
    `at most ${result.listedAtPeak} rows in the runs list`,
);
console.log(
  `- emulator requests per simulated minute: first 5 min ${average(perMinute.slice(0, 5)).toFixed(0)}, ` +
    `last 5 min ${average(perMinute.slice(-5)).toFixed(0)} (min ${Math.min(...perMinute)}, max ${Math.max(...perMinute)}; ${perMinute.reduce((a, b) => a + b, 0)} in the hour); ` +
    `on an empty thread: ${result.idleRequestsPerMinute.before.toFixed(0)} per wall minute before the hour, ${result.idleRequestsPerMinute.after.toFixed(0)} after`,
);
console.log(`- wall time ${(result.wallMs / 1000).toFixed(0)} s; timers still pending once the inspector unmounted: ${JSON.stringify(liveTimers())}`);
const missed = sampleKeys.filter((key) => !meets(key, start, end));
console.log(`- no growth over time (every end ≤ 110 % of its start): ${missed.length === 0 ? 'MET' : `NOT MET (${missed.map((key) => labels[key]).join(', ')})`}`);
process.exit(0);
