// npm run bench:size — packs the package (`npm pack`, which builds it), unpacks the tarball as an app
// would have it, and prints what each budget's import costs an app's production bundle: esbuild
// minified, every peer external, gzip level 9 and brotli quality 11, beside the budget's limit, then the
// largest modules of each. The same cases and limits fail `npm test` (test/consumers/size-budgets.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv, repoRoot } from '../test/consumers/support/env';
import { importLine, sizeBudgets } from './size/budgets';
import { kB, listSizes, measureBundle, packagesOf, unpackTarball, type BundleSize } from './size/measure';

/** `npm pack` (its prepack builds dist/) into `into`; the build's output shows only when it fails. */
function pack(into: string): string {
  const result = spawnSync('npm', ['pack', '--pack-destination', into], { cwd: repoRoot, env: childEnv(), encoding: 'utf8' });
  const [name] = readdirSync(into).filter((file) => file.endsWith('.tgz'));
  if (result.status !== 0 || !name) throw new Error(`npm pack failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  return join(into, name);
}

function row(size: BundleSize): string {
  const { budget } = size;
  const over = size.gzipBytes > budget.limitKb * 1000;
  const broken = size.forbidden.filter(({ modules }) => modules.length > 0).map(({ rule }) => `bundles ${rule.what}`);
  const verdict = [over ? '**over**' : 'ok', ...broken].join('; ');
  const lazy = size.lazy.gzipBytes ? `${kB(size.lazy.gzipBytes)} kB` : '—';
  return `| ${budget.name} | \`${importLine(budget)}\` | ${kB(size.minBytes)} kB | ${kB(size.gzipBytes)} kB | ${kB(size.brotliBytes)} kB | ${lazy} | ${budget.limitKb} kB | ${verdict} |`;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'runlens-size-'));
  try {
    console.log('\n## Bundle size — the packed tarball through esbuild (minified, peers external)\n');
    const tarball = pack(work);
    const appDir = unpackTarball(tarball, join(work, 'app'));
    const sizes: BundleSize[] = [];
    for (const budget of sizeBudgets) sizes.push(await measureBundle(budget, appDir, join(repoRoot, 'node_modules')));
    console.log('| entry | import | min | gzip | brotli | + on first use (gzip) | limit (gzip, up front) | verdict |');
    console.log('|---|---|---:|---:|---:|---:|---:|---|');
    for (const size of sizes) console.log(row(size));
    console.log('\nkB = 1 000 bytes. Largest modules (minified bytes in the bundle), and the same by package:\n');
    for (const size of sizes) {
      console.log(`- **${size.budget.name}**: ${listSizes(size.modules, 5)}${size.lazy.modules.length ? `; on first use: ${listSizes(size.lazy.modules, 3)}` : ''}`);
      console.log(`  - by package: ${listSizes(packagesOf(size.modules), 5)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
