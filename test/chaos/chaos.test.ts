import { describe, expect, it } from 'vitest';
import { failingResults, failureReports, formatSummary, runChaos, seedsFromEnv } from './run';

// Seeded chaos over whole run lifecycles: the real query layer (observers built from the hooks'
// factories), the official SDK with its retries, the emulator over HTTP with faults drawn per
// lifecycle, and a simulated person (answers, double clicks, cancels, remounts, a hidden tab, a
// second tab). CHAOS_LIFECYCLES=<n> sets the size; CHAOS_SEED=<n>[,<n>…] replays lifecycles;
// `npm run bench:chaos` runs 1 000 of them.

const seeds = seedsFromEnv(50);

describe('run lifecycles under chaos', () => {
  it(`${seeds.length} seeded lifecycles: every click settles, no lost tool output, no duplicate, no unhandled rejection, every run terminal on every screen, bookkeeping back to zero`, async () => {
    const summary = await runChaos({ seeds });
    console.log(formatSummary(summary));
    const failing = failingResults(summary);
    const report = failing.length ? failureReports(summary) : '';
    const total = (pick: (findings: (typeof summary.results)[number]['findings']) => unknown[]) =>
      summary.results.reduce((sum, result) => sum + pick(result.findings).length, 0);
    expect(
      {
        hangs: summary.results.reduce((sum, result) => sum + result.ledger.hangs.length, 0),
        lost: total((f) => f.lost),
        duplicates: total((f) => f.duplicates),
        unhandled: summary.unhandled.length,
        notTerminal: total((f) => f.notTerminal),
        leaks: total((f) => f.leaks),
        harness: total((f) => f.harness),
      },
      report,
    ).toEqual({ hangs: 0, lost: 0, duplicates: 0, unhandled: 0, notTerminal: 0, leaks: 0, harness: 0 });
  }, 240_000);
});
