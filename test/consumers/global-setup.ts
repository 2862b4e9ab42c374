import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot, childEnv, repoRoot } from './support/env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of this run's `npm pack` of the package. */
    runlensTarball: string;
    /** The pack's log (the build's output), for messages. */
    runlensPackLog: string;
  }
}

/**
 * Packs the package once per run (`npm pack` → `prepack` → `npm run build`) and hands the tarball
 * to every case. The file is named after its content hash, so a case's `"runlens": "file:…"`
 * changes exactly when the package does: npm then replaces only runlens in the reused node_modules.
 */
/** The part of Vitest's TestProject this setup uses (its type lives in vitest/node, whose browser matchers would shadow jest-dom's in the root typecheck). */
interface ProvidingProject {
  provide<K extends keyof import('vitest').ProvidedContext>(key: K, value: import('vitest').ProvidedContext[K]): void;
}

export default async function setup(project: ProvidingProject): Promise<void> {
  const packRoot = join(cacheRoot, 'pack');
  mkdirSync(packRoot, { recursive: true });
  const started = performance.now();
  let packed = await pack(packRoot);
  if (typeof packed !== 'string') {
    // dist/ is shared with anyone building in this checkout at the same time (a concurrent
    // `npm run build` empties it): one more try before calling the package broken.
    console.warn(`[consumers] ${packed.problem}; packing again`);
    packed = await pack(packRoot);
    if (typeof packed !== 'string') throw new Error(packed.problem);
  }
  const tarball = packed;
  // Old tarballs: keep any a concurrent run may still be installing (younger than an hour).
  for (const name of readdirSync(packRoot)) {
    const path = join(packRoot, name);
    if (path !== tarball && name.endsWith('.tgz') && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { force: true });
  }
  console.log(`[consumers] packed ${tarball} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  project.provide('runlensTarball', tarball);
  project.provide('runlensPackLog', join(packRoot, 'pack.log'));
}

/** `npm pack` into a fresh dir; the tarball renamed by content hash, or what went wrong. */
async function pack(packRoot: string): Promise<string | { problem: string }> {
  const work = join(packRoot, `tmp-${process.pid}-${Date.now()}`);
  mkdirSync(work, { recursive: true });
  const log = join(packRoot, 'pack.log');
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((done, fail) => {
      const child = spawn('npm', ['pack', '--pack-destination', work], { cwd: repoRoot, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', fail);
      child.on('close', (exit) => done({ code: exit, output: text }));
    });
    writeFileSync(log, output);
    const names = readdirSync(work).filter((name) => name.endsWith('.tgz'));
    if (code !== 0 || names.length !== 1) {
      const kept = join(packRoot, 'pack-failed.log');
      writeFileSync(kept, output);
      return { problem: `npm pack failed (exit ${code}; full log: ${kept}):\n${output.split('\n').slice(-60).join('\n')}` };
    }
    const file = join(work, names[0]!);
    const missing = missingFromTarball(file);
    if (missing.length) return { problem: `the packed tarball lacks files package.json points at: ${missing.join(', ')} (pack log: ${log})` };
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
    const tarball = join(packRoot, names[0]!.replace(/\.tgz$/, `-${hash}.tgz`));
    renameSync(file, tarball);
    return tarball;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every file package.json's exports, main, types and bin name, that the tarball does not hold. */
function missingFromTarball(tarball: string): string[] {
  const listing = new Set(
    execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      .split('\n')
      .map((line) => line.replace(/^package\//, '')),
  );
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    main?: string;
    types?: string;
    exports?: unknown;
    bin?: Record<string, string> | string;
  };
  const targets = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([pkg.main, pkg.types, pkg.exports, pkg.bin]);
  return [...targets].map((target) => target.replace(/^\.\//, '')).filter((target) => !target.includes('*') && !listing.has(target));
}
