// npm run bench:render — for runs of 100, 1 000 and 10 000 steps (the emulator's `bulk` scenario,
// in-page): time to first render of RunInspector (cold, fetching from the emulator; then warm: a
// second, fresh RunInspector mounted in the same page after the cold one), and first render
// plus scroll frame times of the run's whole step list, virtualized vs naive (every row mounted).
// See page/main.tsx for the modes. A production Vite build of bench/render/page (React's profiling
// build, so <Profiler> reports render and commit), served by a tiny static server, measured in
// headless Debian Chromium through playwright-core. Every inspector mount is split into phases (see
// page/phases.ts and print.ts); BENCH_PROFILE=1 adds a CPU profile of one cold mount per size.
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBenchPage, launchBenchChromium } from '../page';
import { profileColdMount, summarize } from './cpu-profile';
import type { BenchResult } from './page/main';
import { PhaseRow, printPhases, printProfile } from './print';
import { median, percentile } from '../stats';

const root = resolve(import.meta.dirname, 'page');
const repo = resolve(import.meta.dirname, '../..');
const outDir = join(tmpdir(), 'runlens-bench-render');
const sizes = (process.env.BENCH_SIZES ?? '100,1000,10000').split(',').map(Number);
const allModes = ['inspector', 'virtualized', 'naive'] as const;
// BENCH_MODES=inspector (comma-separated) runs a subset, e.g. while iterating on one of them.
const modes = allModes.filter((mode) => (process.env.BENCH_MODES ?? allModes.join(',')).split(',').includes(mode));
const runsPerCase = Number(process.env.BENCH_RUNS ?? 2);
const targets = { firstRenderMs: 150, frameP95Ms: 16 };
const profile = Boolean(process.env.BENCH_PROFILE);

/** What the page reports for one load (see page/main.tsx), once it succeeded. */
type Result = Omit<BenchResult, 'error'>;


async function main(): Promise<void> {
  const t0 = Date.now();
  const server = await buildBenchPage(root, outDir, {
    // Unminified only for a CPU profile: names and `//#region` comments say where time goes.
    build: { minify: !profile, sourcemap: profile },
    resolve: {
      alias: [
        { find: /^runlens$/, replacement: join(repo, 'src/index.ts') },
        { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
      ],
    },
  });
  const sourceMaps = new Map(
    readdirSync(join(outDir, 'assets'))
      .filter((name) => name.endsWith('.js.map'))
      .map((name) => [`assets/${name.replace(/\.map$/, '')}`, readFileSync(join(outDir, 'assets', name), 'utf8')]),
  );

  const base = `${server.url}/`;

  // Unthrottled frames: a rAF delta is the frame's own cost, not the 60 Hz vsync interval.
  // gc(): the page collects its setup's garbage (a 10 000-step run laid out in the in-page emulator)
  // before each timed mount, so the mount does not pay for it.
  const browser = await launchBenchChromium(['--disable-gpu-vsync', '--disable-frame-rate-limit', '--js-flags=--expose-gc']);
  const rows: { steps: number; mode: string; first: number; backend: number; p50: number; p95: number; rowsInDom: number }[] = [];
  const phaseRows: PhaseRow[] = [];
  try {
    for (const steps of sizes) {
      for (const mode of modes) {
        const firsts: number[] = [];
        const backends: number[] = [];
        const frames: number[] = [];
        const warmFirsts: number[] = [];
        const warmBackends: number[] = [];
        const loads: Result[] = [];
        let toProfile = profile && mode === 'inspector';
        let rowsInDom = 0;
        let warmRowsInDom = 0;
        for (let i = 0; i < runsPerCase; i += 1) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
          page.on('pageerror', (error) => console.error(`[${steps} ${mode}] page error:`, error.message));
          // One profiled load per case, on top of the measured ones: sampling slows the page down.
          const profiled = toProfile;
          toProfile = false;
          await page.goto(`${base}?steps=${steps}&mode=${mode}${profiled ? '&profile=1' : ''}`);
          if (profiled) printProfile(steps, summarize(await profileColdMount(page), sourceMaps));
          await page.waitForFunction(() => window.__bench !== undefined, null, { timeout: 120_000 });
          const result = (await page.evaluate(() => window.__bench)) as Result | { error: string };
          await page.close();
          if ('error' in result) throw new Error(`${steps} ${mode}: ${result.error}`);
          if (profiled) {
            i -= 1;
            continue;
          }
          loads.push(result);
          if (mode !== 'inspector' && result.scrolledPx <= 0) console.warn(`[${steps} ${mode}] the step list did not scroll`);
          firsts.push(result.firstRenderMs);
          backends.push(result.phases.fetchMs);
          frames.push(...result.frames.slice(5)); // the first frames include the layout of the first scroll
          rowsInDom = result.rowsInDom;
          if (result.warm) {
            warmFirsts.push(result.warm.firstRenderMs);
            warmBackends.push(result.warm.phases.fetchMs);
            warmRowsInDom = result.warm.rowsInDom;
          }
        }
        rows.push({ steps, mode, first: median(firsts), backend: median(backends), p50: percentile(frames, 50), p95: percentile(frames, 95), rowsInDom });
        if (warmFirsts.length > 0) {
          rows.push({ steps, mode: 'inspector-warm', first: median(warmFirsts), backend: median(warmBackends), p50: NaN, p95: NaN, rowsInDom: warmRowsInDom });
        }
        if (mode === 'inspector') phaseRows.push(...PhaseRow.from(steps, loads));
        if (process.env.BENCH_VERBOSE) {
          console.error(`    ${steps} ${mode} first render per load: ${firsts.map((n) => n.toFixed(1)).join(', ')}`);
          if (warmFirsts.length > 0) console.error(`    ${steps} ${mode} warm per load: ${warmFirsts.map((n) => n.toFixed(1)).join(', ')}`);
          for (const load of loads) console.error(`    cold mount: ${load.phases.events.join(' | ')}`);
        }
        console.error(`  ${steps} steps, ${mode}: done`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const fmt = (n: number): string => n.toFixed(1);
  console.log(`\n### Render bench (headless Chromium ${browser.version()}, median of ${runsPerCase} page loads; frames unthrottled)\n`);
  const label: Record<string, string> = { inspector: 'RunInspector (cold)', 'inspector-warm': 'RunInspector (warm)', virtualized: 'step list, virtualized', naive: 'step list, naive' };
  console.log('| steps | mode | first render ms | emulator fetch ms | scroll frame p50 ms | scroll frame p95 ms | step rows in DOM |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const scroll = r.mode.startsWith('inspector') ? ['—', '—'] : [fmt(r.p50), fmt(r.p95)];
    console.log(`| ${r.steps.toLocaleString('en')} | ${label[r.mode]} | ${fmt(r.first)} | ${fmt(r.backend)} | ${scroll[0]} | ${scroll[1]} | ${r.rowsInDom} |`);
  }
  if (phaseRows.length > 0) printPhases(phaseRows, targets.firstRenderMs, runsPerCase);
  const inspector = rows.find((r) => r.steps === 10_000 && r.mode === 'inspector');
  const warm = rows.find((r) => r.steps === 10_000 && r.mode === 'inspector-warm');
  const list = rows.find((r) => r.steps === 10_000 && r.mode === 'virtualized');
  const ok = (pass: boolean): string => (pass ? 'met' : '**not met**');
  if (inspector || warm || list) console.log(`\nTargets at 10 000 steps:`);
  if (inspector) console.log(`- RunInspector first render ≤ ${targets.firstRenderMs} ms: ${fmt(inspector.first)} ms — ${ok(inspector.first <= targets.firstRenderMs)}`);
  if (warm) console.log(`- RunInspector warm mount (second mount in the page) ≤ ${targets.firstRenderMs} ms: ${fmt(warm.first)} ms — ${ok(warm.first <= targets.firstRenderMs)}`);
  if (list) console.log(`- virtualized step list scroll frames ≤ ${targets.frameP95Ms} ms at p95: ${fmt(list.p95)} ms — ${ok(list.p95 <= targets.frameP95Ms)}`);
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
