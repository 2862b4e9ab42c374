// npm run bench:live — 100 live runs on one page: a thread of 100 active function_call runs (5 rounds
// each, jittered phases, an agent answering each tool call after ~4 s), every page of its runs list
// loaded and the newest run open in RunInspector's details pane. Over BENCH_SECONDS (default 60):
// requests per second (what the page asked the emulator), p95 staleness of a row's status (from the
// emulator's change, stamped by the oracle in the emulator's worker, to the row's data-state showing
// it), and main-thread busy: the CPU time of the page's main-thread tasks (a 'toplevel' trace, each
// task's thread time) / wall time, and beside it CDP Performance.getMetrics TaskDuration (the same
// tasks' wall time, which on a busy machine includes waiting for a core). The emulator runs in a
// worker of the page, so neither counts it. Each mode is its own page load of the same
// seeded workload: `list` (as shipped) and the baseline `rows` (the list does not poll; every active
// row polls its own run at the default policy — the behaviour before). See page/main.tsx.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { buildBenchPage, launchBenchChromium } from '../page';
import type { LiveResult } from './page/main';
import { mainThreadTasks, printProfile, printTrace, type CpuProfile, type TraceEvent } from './main-thread';
import { percentile } from '../stats';
import { stalenessOf } from './staleness';

const root = resolve(import.meta.dirname, 'page');
const outDir = join(tmpdir(), 'runlens-bench-live');
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 3_000);
const tailMs = 5_000;
const runs = Number(process.env.BENCH_LIVE_RUNS ?? 100);
const modes = (process.env.BENCH_MODES ?? 'list,rows').split(',');
const targets = { requestsPerSecond: 10, stalenessP95Ms: 2_000, busyPercent: 5 };
// BENCH_PROFILE=1: an unminified build and a CPU profile of the page's main thread over the window,
// printed as the functions with the most self and inclusive time. BENCH_TRACE=1: the main thread's
// trace events by name (paint, layout, script). BENCH_VERBOSE=1: staleness per status and the list's
// refresh period. BENCH_REDUCED_MOTION=1: the page with prefers-reduced-motion (no timeline animation).
const profile = Boolean(process.env.BENCH_PROFILE);
const label: Record<string, string> = {
  list: 'runlens: the list refetches itself (as shipped)',
  rows: 'baseline: each active row polls its own run (useRun policy)',
};

interface Row {
  mode: string;
  rows: number;
  requestsPerSecond: number;
  byKind: Record<string, number>;
  logPerSecond: number;
  changes: number;
  unseen: number;
  p50: number;
  p95: number;
  busyPercent: number;
  cpuPercent: number;
  activeAtStop: number;
}

/** The page's TaskDuration and the time, in seconds (CDP Performance.getMetrics). */
async function taskSeconds(cdp: CDPSession): Promise<{ task: number; at: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { task: value('TaskDuration'), at: value('Timestamp') };
}

async function measure(browser: Browser, base: string, mode: string): Promise<Row> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`[${mode}] page error:`, error.message));
  if (process.env.BENCH_REDUCED_MOTION) await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${base}?mode=${mode}&runs=${runs}`);
  await page.waitForFunction(() => window.__live !== undefined, null, { timeout: 180_000 });
  const ready = await page.evaluate(() => window.__live);
  if (ready && 'error' in ready) throw new Error(`${mode}: ${ready.error}`);
  await page.waitForTimeout(warmupMs);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  // 'toplevel' alone: one event per task with its thread time, and little tracing overhead.
  await browser.startTracing(page, { categories: process.env.BENCH_TRACE ? ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] : ['toplevel'] });
  await page.evaluate(() => window.__liveStart!());
  const before = await taskSeconds(cdp);
  await page.waitForTimeout(seconds * 1_000);
  const after = await taskSeconds(cdp);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  if (process.env.BENCH_TRACE) printTrace(mode, trace);
  if (profile) printProfile(mode, ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile);
  const result = (await page.evaluate((tail) => window.__liveStop!(tail), tailMs)) as LiveResult;
  await page.close();

  const tasks = mainThreadTasks(trace);
  const windowSeconds = (result.stoppedAt - result.startedAt) / 1000;
  const staleness = stalenessOf(result.changes, [...result.initial, ...result.shown], {
    from: result.startedAt,
    to: result.stoppedAt,
    watchedUntil: result.stoppedAt + tailMs,
  });
  if (process.env.BENCH_VERBOSE) {
    const gaps = result.requests.listStarts.slice(1).map((at, i) => at - result.requests.listStarts[i]!);
    if (gaps.length) console.error(`    [${mode}] list refresh period: p50 ${percentile(gaps, 50).toFixed(0)} ms, p95 ${percentile(gaps, 95).toFixed(0)} ms, max ${percentile(gaps, 100).toFixed(0)} ms`);
    for (const [status, delays] of Object.entries(staleness.byStatus)) {
      console.error(`    [${mode}] → ${status}: ${delays.length} changes, staleness p50 ${percentile(delays, 50).toFixed(0)} ms, p95 ${percentile(delays, 95).toFixed(0)} ms, max ${percentile(delays, 100).toFixed(0)} ms`);
    }
  }
  return {
    mode,
    rows: result.rows,
    requestsPerSecond: result.requests.total / windowSeconds,
    byKind: Object.fromEntries(Object.entries(result.requests.byKind).map(([kind, n]) => [kind, n / windowSeconds])),
    logPerSecond: result.requests.emulatorLog / windowSeconds,
    changes: staleness.delaysMs.length,
    unseen: staleness.unseen,
    p50: percentile(staleness.delaysMs, 50),
    p95: percentile(staleness.delaysMs, 95),
    busyPercent: (100 * (after.task - before.task)) / (after.at - before.at),
    cpuPercent: (100 * tasks.cpuMs) / ((after.at - before.at) * 1000),
    activeAtStop: result.activeAtStop,
  };
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const server = await buildBenchPage(root, outDir, { build: { minify: !profile, sourcemap: false }, worker: { format: 'es' } });
  const browser = await launchBenchChromium();
  const rows: Row[] = [];
  try {
    for (const mode of modes) {
      rows.push(await measure(browser, `${server.url}/`, mode));
      console.error(`  ${mode}: done`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const fmt = (n: number, digits = 1): string => n.toFixed(digits);
  console.log(`\n### Live-runs bench (headless Chromium ${browser.version()}; ${runs} active runs, ${seconds} s per mode)\n`);
  console.log('| mode | requests / s | of which list pages / run GETs / steps / messages | row staleness p50 | row staleness p95 | status changes (unseen) | main-thread busy (CPU) | main-thread busy (wall, TaskDuration) |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const kinds = ['list page', 'run', 'steps', 'message'].map((kind) => fmt(r.byKind[kind] ?? 0)).join(' / ');
    console.log(`| ${label[r.mode] ?? r.mode} | ${fmt(r.requestsPerSecond)} | ${kinds} | ${fmt(r.p50, 0)} ms | ${fmt(r.p95, 0)} ms | ${r.changes} (${r.unseen}) | ${fmt(r.cpuPercent)} % | ${fmt(r.busyPercent)} % |`);
  }
  for (const r of rows) {
    if (Math.abs(r.logPerSecond - r.requestsPerSecond) > 0.05) console.warn(`[${r.mode}] the emulator's log says ${fmt(r.logPerSecond)} requests/s`);
    if (r.rows !== runs) console.warn(`[${r.mode}] ${r.rows} rows on screen, expected ${runs}`);
  }
  console.log(`\nRuns still active at the end of the window: ${rows.map((r) => `${r.mode} ${r.activeAtStop}`).join(', ')}.`);
  const shipped = rows.find((r) => r.mode === 'list');
  const ok = (pass: boolean): string => (pass ? 'met' : '**missed**');
  if (shipped) {
    console.log('\nTargets (runlens, as shipped):');
    console.log(`- ≤ ${targets.requestsPerSecond} requests/s in total: ${fmt(shipped.requestsPerSecond)} — ${ok(shipped.requestsPerSecond <= targets.requestsPerSecond)}`);
    console.log(`- row status staleness p95 ≤ ${targets.stalenessP95Ms} ms: ${fmt(shipped.p95, 0)} ms — ${ok(shipped.p95 <= targets.stalenessP95Ms)}`);
    console.log(`- main-thread busy < ${targets.busyPercent} % (CPU time of its tasks): ${fmt(shipped.cpuPercent)} % — ${ok(shipped.cpuPercent < targets.busyPercent)} (wall: ${fmt(shipped.busyPercent)} %)`);
  }
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
