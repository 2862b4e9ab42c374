import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ConsumerCase, failure } from './support/case.ts';
import { tools } from './versions.ts';

// The packed tarball through @arethetypeswrong/cli (profile esm-only: the package is ESM-only on
// purpose, so only node16-from-ESM and bundler resolution count) and publint. The tools live in
// their own case dir, pinned in versions.ts, not in the repo's devDependencies.

/** Resolution kinds attw's esm-only profile leaves out (as `attw --profile esm-only` does). */
const ignoredByProfile = new Set(['node10', 'node16-cjs']);
const entrypoints = ['.', './assistants', './responses', './core', './primitives', './ui', './emulator', './emulator/node'];

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
  [key: string]: unknown;
}

describe('package lint: attw and publint on the packed tarball', () => {
  const consumer = new ConsumerCase('package-lint');
  const tarball = inject('runlensTarball');
  let installed = false;

  beforeAll(async () => {
    consumer.writePackage({
      dependencies: {},
      devDependencies: { '@arethetypeswrong/cli': tools['@arethetypeswrong/cli'], publint: tools.publint },
    });
    installed = (await consumer.install()).code === 0;
  });

  afterAll(() => console.log(consumer.report()));

  it('attw (esm-only) finds no problem in any entry but ./styles.css', async () => {
    expect(installed, failure('npm install', consumer)).toBe(true);
    // ./styles.css is a CSS file: no types to resolve, by design. Only that entry is left out.
    const result = await consumer.timed('attw', () =>
      consumer.run(consumer.bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json', '--exclude-entrypoints', './styles.css']),
    );
    const json = result.output.slice(result.output.indexOf('{'));
    let report: { analysis: { entrypoints: Record<string, unknown> }; problems?: Record<string, AttwProblem[]> | AttwProblem[] };
    try {
      report = JSON.parse(json) as typeof report;
    } catch {
      throw new Error(failure('attw (no JSON report)', consumer, result));
    }
    expect(Object.keys(report.analysis.entrypoints), 'attw checked every entry').toEqual(expect.arrayContaining(entrypoints));
    const all = Array.isArray(report.problems) ? report.problems : Object.values(report.problems ?? {}).flat();
    const counted = all.filter((problem) => !problem.resolutionKind || !ignoredByProfile.has(problem.resolutionKind));
    expect(counted, failure('attw', consumer, result)).toEqual([]);
    expect(result.code, failure('attw', consumer, result)).toBe(0);
  });

  it('publint reports no errors and no warnings', async () => {
    expect(installed, failure('npm install', consumer)).toBe(true);
    const result = await consumer.timed('publint', () => consumer.run(consumer.bin('publint'), ['run', tarball]));
    expect(result.output, failure('publint', consumer, result)).not.toMatch(/^(Errors|Warnings):/m);
    expect(result.code, failure('publint', consumer, result)).toBe(0);
    const suggestions = result.output.match(/^Suggestions:[\s\S]*/m)?.[0];
    if (suggestions) console.log(`[consumers] publint suggestions (not failures):\n${suggestions}`);
  });
});
