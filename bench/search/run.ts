// npm run bench:search — time to first result when searching inside a 10 000-step run for the one
// failed call by typing its tool name (`charge_card`): a bulk run with `emulator.fail_step` from the
// emulator over HTTP through the official SDK, on the Assistants API and through the Responses
// backend. Rows: (a) open the run and search (index build + the first key, or the name pasted), (b)
// the name on a built index, (c) each later keystroke of typing it, and a page of 100 steps appended;
// each beside the naive way doing the same searches in the same run
// (JSON.stringify(step).toLowerCase().includes(query) per step, no index).
// Median and p95 over BENCH_REPEATS trials (default 30); with --expose-gc (as npm runs it) the
// bench's own garbage is collected before each timing, so a pause for it is not charged to search.
// Targets: first result ≤ 100 ms, a search on a built index and a keystroke ≤ 16 ms (one frame).
import { availableParallelism, loadavg } from 'node:os';
import { loadBulkRuns } from './load';
import { measureSearch, type Row, type Timing } from './measure';

const steps = Number(process.env.BENCH_STEPS ?? 10_000);
const failStep = Math.min(steps, Number(process.env.BENCH_FAIL_STEP ?? steps - 10));
const trials = Number(process.env.BENCH_REPEATS ?? 30);
const query = 'charge_card';
const targets = { firstResultMs: 100, keystrokeMs: 16 } as const;

const ms = (value: number): string => value.toFixed(2);
const verdict = (timing: Timing, limit: number): string => (timing.p95 <= limit ? 'ok' : '**over**');

async function main(): Promise<void> {
  console.log(`\n## Search in a run — typing "${query}" into a ${steps.toLocaleString('en')}-step run (failed call at step ${failStep}), ${trials} trials\n`);
  const runs = await loadBulkRuns(steps, failStep);
  for (const run of runs) {
    const t = measureSearch(run.steps, query, trials);
    console.log(`### ${run.api} API — ${run.steps.length} steps, run ${run.status}, paged in ${(run.loadMs / 1000).toFixed(1)} s; "${query}" matches ${t.matches} step\n`);
    console.log('| measure | runlens p50 (ms) | runlens p95 (ms) | naive p50 (ms) | naive p95 (ms) | target | verdict (runlens p95) |');
    console.log('|---|---:|---:|---:|---:|---:|---|');
    const row = (name: string, { runlens, naive }: Row, target: number) =>
      console.log(`| ${name} | ${ms(runlens.median)} | ${ms(runlens.p95)} | ${ms(naive.median)} | ${ms(naive.p95)} | ≤ ${target} ms | ${verdict(runlens, target)} |`);
    row('(a) time to first result: index build + first key "c"', t.firstKey, targets.firstResultMs);
    row(`(a) time to first result: index build + "${query}" pasted`, t.firstPaste, targets.firstResultMs);
    row(`(b) "${query}" on a built index`, t.builtSearch, targets.keystrokeMs);
    row(`(c) a later keystroke ("ch" … "${query}")`, t.laterKeystroke, targets.keystrokeMs);
    row('a page of 100 steps appended: index + search', t.appendPage, targets.firstResultMs);
    console.log('');
  }
  console.log('naive = no index: each search serializes and lowercases every step. Timings only; nothing here is asserted.');
  // Other work on the machine stretches every row alike; the load says how much to trust a p95.
  console.log(`Node ${process.version}, ${availableParallelism()} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min).`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
