import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importLine, noEmulator, noZod, noZodClassic, noZodExtras, sizeBudgets, type SizeBudget } from '../../bench/size/budgets.ts';
import { kB, listSizes, measureBundle, packagesOf, unpackTarball, type BundleSize } from '../../bench/size/measure.ts';
import { cacheRoot, repoRoot } from './support/env.ts';

// What an app's production bundle pays for each way of importing runlens, from the packed tarball:
// esbuild, minified, every peer external, split at dynamic imports, gzip level 9 (see
// bench/size/budgets.ts). A budget is what loads up front; code behind an import() is counted apart. Byte counts, not
// timings: the same tarball gives the same bytes on any machine. `npm run bench:size` prints the table.

/** The first few module names, and how many more. */
function listModules(modules: readonly string[], count = 6): string {
  return modules.slice(0, count).join(', ') + (modules.length > count ? ` and ${modules.length - count} more` : '');
}

describe('size budgets: the packed tarball, bundled by esbuild (min + gzip, peers external)', () => {
  const tarball = inject('runlensTarball');
  let appDir = '';
  const bundles = new Map<string, Promise<BundleSize>>();
  /** One build per case, shared by its size and its contents checks. */
  const bundle = (budget: SizeBudget): Promise<BundleSize> => {
    if (!bundles.has(budget.name)) bundles.set(budget.name, measureBundle(budget, appDir, join(repoRoot, 'node_modules')));
    return bundles.get(budget.name)!;
  };

  beforeAll(() => {
    // A dir of its own per run: a concurrent run may be unpacking another tarball.
    mkdirSync(join(cacheRoot, 'size-budgets'), { recursive: true });
    appDir = unpackTarball(tarball, mkdtempSync(join(cacheRoot, 'size-budgets', 'app-')));
  });

  afterAll(() => rmSync(appDir, { recursive: true, force: true }));

  it.each(sizeBudgets)('$name: stays within $limitKb kB gzip', async (budget) => {
    const size = await bundle(budget);
    const message =
      `${budget.name} (${importLine(budget)}) is ${kB(size.gzipBytes)} kB gzip, over its ${budget.limitKb} kB limit ` +
      `by ${kB(size.gzipBytes - budget.limitKb * 1000)} kB (min ${kB(size.minBytes)} kB, brotli ${kB(size.brotliBytes)} kB; ` +
      `${kB(size.lazy.gzipBytes)} kB more loads on first use).\n` +
      `  largest modules (minified): ${listSizes(size.modules, 5)}\n` +
      `  by package (minified): ${listSizes(packagesOf(size.modules), 5)}`;
    expect(size.gzipBytes, message).toBeLessThanOrEqual(budget.limitKb * 1000);
  });

  it.each(sizeBudgets)('$name: bundles nothing it must not', async (budget) => {
    const { forbidden } = await bundle(budget);
    const broken = forbidden
      .filter(({ modules }) => modules.length > 0)
      .map(({ rule, modules }) => `${budget.name} (${importLine(budget)}) bundles ${rule.what}: ${listModules(modules)}`);
    expect(broken, broken.join('\n')).toEqual([]);
  });

  // Each rule must still match what it forbids, or a renamed folder would turn it green for good.
  it.each([
    { rule: noEmulator, control: { name: 'control: emulator', from: 'runlens/emulator', names: ['createEmulator'], limitKb: 0, mustNotContain: [noEmulator] } },
    { rule: noZodClassic, control: { name: 'control: zod', from: 'zod', names: ['object'], limitKb: 0, mustNotContain: [noZodClassic] } },
    { rule: noZod, control: { name: 'control: assistants', from: 'runlens/assistants', names: ['createAssistantsRunsClient'], limitKb: 0, mustNotContain: [noZod] } },
    { rule: noZodExtras, control: { name: 'control: z.core', from: 'zod/mini', names: ['core'], limitKb: 0, mustNotContain: [noZodExtras] } },
  ])('the rule against $rule.what matches what it forbids ($control.from)', async ({ rule, control }) => {
    const { forbidden } = await measureBundle(control, appDir, join(repoRoot, 'node_modules'));
    expect(forbidden[0]!.modules.length, `${importLine(control)} should bundle ${rule.what}`).toBeGreaterThan(0);
  });
});
