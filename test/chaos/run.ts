import { environmentManager } from '@tanstack/query-core';
import { describeError } from './ledger';
import { describeFailure, runLifecycle, violationsOf, type LifecycleResult } from './lifecycle';
import { chaosScenarios } from './plan';
import { browserFocus } from './tab';

/*
 * Runs many lifecycles one after the other (each on its own emulator and port), counts every
 * invariant over all of them and prints the table. Shared by test/chaos/chaos.test.ts and
 * bench/chaos.ts. One at a time per process: TanStack's focusManager is one per process, so a
 * lifecycle hiding its tab would pause (and, on return, refetch) every other lifecycle's queries,
 * and a seed would not replay alone as it ran in the batch. The bench runs processes side by side.
 */

export interface ChaosOptions {
  seeds: readonly number[];
  /** Called as each lifecycle ends (progress, early failure reports). */
  onResult?: (result: LifecycleResult, done: number) => void;
}

export interface ChaosSummary {
  results: LifecycleResult[];
  /** Unhandled rejections, with the lifecycles that were running when each happened. */
  unhandled: { reason: string; seeds: number[] }[];
  wallMs: number;
}

/** Seeds from the environment: `CHAOS_SEED` (one lifecycle), else `CHAOS_LIFECYCLES` from `CHAOS_FIRST_SEED`. */
export function seedsFromEnv(defaultCount: number): number[] {
  if (process.env.CHAOS_SEED) return process.env.CHAOS_SEED.split(',').map(Number);
  const count = Number(process.env.CHAOS_LIFECYCLES ?? defaultCount);
  const first = Number(process.env.CHAOS_FIRST_SEED ?? 1);
  return Array.from({ length: count }, (_, i) => first + i);
}

export async function runChaos({ seeds, onResult }: ChaosOptions): Promise<ChaosSummary> {
  const started = performance.now();
  const results: LifecycleResult[] = [];
  const unhandled: ChaosSummary['unhandled'] = [];
  const running = new Set<number>();
  const onUnhandled = (reason: unknown) => void unhandled.push({ reason: describeError(reason), seeds: [...running] });
  // Polling needs a "browser" environment; the bench and vitest's node project are not one.
  environmentManager.setIsServer(() => false);
  process.on('unhandledRejection', onUnhandled);
  try {
    for (const seed of seeds) {
      running.add(seed);
      try {
        const result = await runLifecycle(seed);
        results.push(result);
        onResult?.(result, results.length);
      } finally {
        running.delete(seed);
      }
    }
  } finally {
    process.off('unhandledRejection', onUnhandled);
    environmentManager.setIsServer(() => typeof window === 'undefined');
    browserFocus.reset();
  }
  results.sort((a, b) => a.plan.seed - b.plan.seed);
  return { results, unhandled, wallMs: performance.now() - started };
}

/** Unhandled rejections that happened while `seed` was running (with others, if concurrent). */
export function unhandledOf(summary: ChaosSummary, seed: number): string[] {
  return summary.unhandled.filter((entry) => entry.seeds.includes(seed)).map((entry) => `${entry.reason} (running: ${entry.seeds.join(', ')})`);
}

export function failingResults(summary: ChaosSummary): LifecycleResult[] {
  return summary.results.filter((result) => violationsOf(result, unhandledOf(summary, result.plan.seed)).length > 0);
}

export function failureReports(summary: ChaosSummary): string {
  return failingResults(summary)
    .map((result) => describeFailure(result, unhandledOf(summary, result.plan.seed)))
    .join('\n\n');
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))] ?? 0;

/** The totals as a table of `[what, count]` rows. */
export function summaryRows(summary: ChaosSummary): [string, string][] {
  const { results } = summary;
  const count = (pick: (result: LifecycleResult) => number) => String(sum(results.map(pick)));
  const faults: Record<string, number> = {};
  for (const result of results) for (const [kind, n] of Object.entries(result.faultsByKind)) faults[kind] = (faults[kind] ?? 0) + n;
  const failing = (pick: (result: LifecycleResult) => unknown[]) => results.filter((result) => pick(result).length > 0).length;
  const lifecycleMs = results.map((result) => result.wallMs);
  return [
    ['lifecycles', String(results.length)],
    ...chaosScenarios.map((scenario): [string, string] => [`  ${scenario}`, String(results.filter((r) => r.plan.scenario === scenario).length)]),
    ['  create streamed', String(results.filter((r) => r.plan.createStream).length)],
    ['  with a second tab', String(results.filter((r) => r.plan.secondTab).length)],
    ['  with faults', String(results.filter((r) => r.plan.faults).length)],
    ['faults injected', String(sum(Object.values(faults)))],
    ...Object.entries(faults)
      .sort(([, a], [, b]) => b - a)
      .map(([kind, n]): [string, string] => [`  ${kind}`, String(n)]),
    ['create clicks (failed)', `${count((r) => r.ledger.creates.length)} (${count((r) => r.ledger.creates.filter((c) => !c.ok).length)})`],
    ['submits (resolved)', `${count((r) => r.ledger.answers.length)} (${count((r) => r.ledger.answers.filter((a) => a.resolved).length)})`],
    ['cancels (resolved)', `${count((r) => r.ledger.cancels.length)} (${count((r) => r.ledger.cancels.filter((c) => c.ok).length)})`],
    ['Retry clicks', count((r) => r.retryClicks)],
    ['lost tool outputs', `${count((r) => r.findings.lost.length)} (in ${failing((r) => r.findings.lost)} lifecycles)`],
    ['duplicates', `${count((r) => r.findings.duplicates.length)} (in ${failing((r) => r.findings.duplicates)} lifecycles)`],
    ['unhandled rejections', String(summary.unhandled.length)],
    ['clicks never settled', `${count((r) => r.ledger.hangs.length)} (in ${results.filter((r) => r.ledger.hangs.length > 0).length} lifecycles)`],
    ['not terminal on screen', `${count((r) => r.findings.notTerminal.length)} (in ${failing((r) => r.findings.notTerminal)} lifecycles)`],
    ['bookkeeping leaks', `${count((r) => r.findings.leaks.length)} (in ${failing((r) => r.findings.leaks)} lifecycles)`],
    ['harness errors', count((r) => r.findings.harness.length)],
    ['reported failed, but landed: submits', count((r) => r.findings.misreported.submits.length)],
    ['reported failed, but made a run: creates', count((r) => r.findings.misreported.creates.length)],
    ['failing lifecycles', String(failingResults(summary).length)],
    ['wall time', `${(summary.wallMs / 1000).toFixed(1)} s (lifecycle p50 ${Math.round(percentile(lifecycleMs, 0.5))} ms, p95 ${Math.round(percentile(lifecycleMs, 0.95))} ms, max ${Math.round(Math.max(0, ...lifecycleMs))} ms)`],
  ];
}

export function formatSummary(summary: ChaosSummary): string {
  const rows = summaryRows(summary);
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}
