// npm run bench:search:ui — time to first result of RunInspector's search, in Chromium: typing
// "charge_card" into the inspector of a bulk run of BENCH_STEPS steps (default 10 000) whose step
// N - 10 is the failed `charge_card` call. Cold: focus the search box and type, just after the run
// opened (the search reads every other page from the in-page emulator and builds its index first);
// warm: clear the box and type again. Beside them, in the same page: the naive scan
// (JSON.stringify(step).toLowerCase().includes) over the run's steps, and the inspector's first rows
// after mount. See page/main.tsx for what is timed. As bench/render: a production Vite build of
// page/, served by a tiny static server, in headless Chromium through playwright-core, a fresh page
// per trial (BENCH_RUNS, default 3). Targets: warm ≤ 100 ms; cold is reported, with no target.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBenchPage, launchBenchChromium } from '../../page';
import { median, percentile } from '../../stats';
import type { SearchBenchResult } from './page/main';

const root = resolve(import.meta.dirname, 'page');
const repo = resolve(import.meta.dirname, '../../..');
const outDir = join(tmpdir(), 'runlens-bench-search-ui');
const steps = Number(process.env.BENCH_STEPS ?? 10_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const targets = { warmMs: 100 } as const;

async function main(): Promise<void> {
  const t0 = Date.now();
  const server = await buildBenchPage(root, outDir, {
    build: { chunkSizeWarningLimit: 5_000 },
    resolve: { alias: [{ find: /^runlens$/, replacement: join(repo, 'src/index.ts') }] },
  });
  // gc(): the page collects its setup's garbage (the emulator laying out the run) before timing.
  const browser = await launchBenchChromium(['--js-flags=--expose-gc']);
  const results: SearchBenchResult[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      page.on('pageerror', (error) => console.error(`[trial ${i + 1}] page error:`, error.message));
      await page.goto(`${server.url}/?steps=${steps}`);
      await page.waitForFunction(() => window.__searchBench !== undefined, null, { timeout: 300_000 });
      const result = (await page.evaluate(() => window.__searchBench)) as SearchBenchResult | { error: string };
      await page.close();
      if ('error' in result) throw new Error(`trial ${i + 1}: ${result.error}`);
      if (result.naiveMatches !== 1) throw new Error(`trial ${i + 1}: the naive scan found ${result.naiveMatches} steps with "charge_card", not 1`);
      results.push(result);
      console.error(`  trial ${i + 1}/${runs}: cold ${result.coldMs.toFixed(1)} ms ("${result.coldStatus}"), warm ${result.warmMs.toFixed(1)} ms ("${result.warmStatus}")`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const fmt = (n: number): string => n.toFixed(1);
  const run = results[0]!;
  console.log(`\n### Search in RunInspector (headless Chromium ${browser.version()}, ${run.steps.toLocaleString('en')}-step run, the failed \`charge_card\` call its last step; ${runs} page loads)\n`);
  console.log('| measure | median ms | p95 ms | target |');
  console.log('|---|---:|---:|---|');
  const row = (name: string, values: number[], target: string) => console.log(`| ${name} | ${fmt(median(values))} | ${fmt(percentile(values, 95))} | ${target} |`);
  const warm = results.map((r) => r.warmMs);
  row('time to first result, cold: focus + type `charge_card` just after the run opened (reads every other page, builds the index)', results.map((r) => r.coldMs), 'none, reported');
  row('time to first result, warm: type `charge_card` again (pages loaded, index built)', warm, `≤ ${targets.warmMs} ms — ${percentile(warm, 95) <= targets.warmMs ? 'met' : '**not met**'} (p95)`);
  row('baseline: naive scan of every step, `JSON.stringify(s).toLowerCase().includes(q)`', results.map((r) => r.naiveMs), '—');
  row('baseline: RunInspector first rows after mount (first page of 100 steps)', results.map((r) => r.firstRowsMs), '—');
  console.log(`\nTyping: per character, the input's native value setter + an \`input\` event, in the page, all 11 back to back; a result is the status reading "1 match" or "1 of 1 match" (the DOM change, seen by a MutationObserver).`);
  console.log(`\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
