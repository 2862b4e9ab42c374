// Measures what a budget's import costs an app: esbuild bundles it from an unpacked tarball
// (minified, ESM, browser, production, every peer external), then gzip and brotli at their highest levels.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { entrySource, peers, type ForbiddenModules, type SizeBudget } from './budgets';

export interface ModuleSize {
  /** `package/path/in/package.js`, e.g. `runlens/dist/react/useRun.js`, `zod/v4/mini/schemas.js`. */
  module: string;
  /** Absolute path of the file bundled. */
  path: string;
  /** Bytes the module left in the minified bundle. */
  bytes: number;
}

export interface BundleSize {
  budget: SizeBudget;
  minBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Every module in the bundle, largest first. */
  modules: ModuleSize[];
  /** Each rule of the budget with the modules that break it (none when it holds). */
  forbidden: { rule: ForbiddenModules; modules: string[] }[];
}

const entryFile = 'app-entry.js';

/** 1 kB = 1 000 bytes, as size-limit and the targets count. */
export const kB = (bytes: number): string => (bytes / 1000).toFixed(1);

/**
 * Unpacks an `npm pack` tarball to `<dir>/node_modules/runlens`, where an app would have it.
 * Returns `dir`, the app root to bundle from.
 */
export function unpackTarball(tarball: string, dir: string): string {
  const target = join(dir, 'node_modules', 'runlens');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
  // The app's own package.json: without it, a dir inside this repo would resolve `runlens` to the
  // repo itself (a package may import its own name) and measure dist/ instead of the tarball.
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'size-budget-app', private: true, type: 'module' })}\n`);
  return dir;
}

/**
 * Bundles the budget's import from `appDir` (which holds node_modules/runlens). The package's own
 * dependencies (zod) resolve from `dependencyDir`, a node_modules
 * that has them in versions the package accepts (the repo's own).
 */
export async function measureBundle(budget: SizeBudget, appDir: string, dependencyDir: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: entrySource(budget), resolveDir: appDir, loader: 'js', sourcefile: entryFile },
    absWorkingDir: appDir,
    nodePaths: [dependencyDir],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
    external: peers.flatMap((peer) => [peer, `${peer}/*`]),
    // The repo's tsconfig paths map `runlens` to src/; an app's build never sees them.
    tsconfigRaw: {},
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]!.contents;
  const modules = modulesOf(result.metafile, appDir);
  const installed = [join(appDir, 'node_modules') + sep, resolve(dependencyDir) + sep];
  const stray = modules.filter(({ path }) => !installed.some((dir) => path.startsWith(dir)));
  if (stray.length) throw new Error(`${budget.name}: bundled files from outside ${installed.join(' and ')}: ${stray.map(({ path }) => path).join(', ')}`);
  return {
    budget,
    minBytes: output.byteLength,
    gzipBytes: gzipSync(output, { level: 9 }).byteLength,
    brotliBytes: brotliCompressSync(output, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).byteLength,
    modules,
    forbidden: budget.mustNotContain.map((rule) => ({ rule, modules: modules.filter(({ module }) => rule.pattern.test(module)).map(({ module }) => module) })),
  };
}

/** The bundle's modules (the entry aside) by the bytes they left in it, named from their package down. */
function modulesOf(metafile: Metafile, appDir: string): ModuleSize[] {
  const [output] = Object.values(metafile.outputs);
  return Object.entries(output!.inputs)
    .filter(([input, { bytesInOutput }]) => input !== entryFile && bytesInOutput > 0)
    .map(([input, { bytesInOutput }]) => {
      const path = resolve(appDir, input);
      return { module: moduleName(path), path, bytes: bytesInOutput };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

function moduleName(path: string): string {
  const at = path.lastIndexOf('/node_modules/');
  return at === -1 ? path : path.slice(at + '/node_modules/'.length);
}

/** The bundle's bytes by package (`runlens`, `zod`), largest first. */
export function packagesOf(modules: readonly ModuleSize[]): Pick<ModuleSize, 'module' | 'bytes'>[] {
  const totals = new Map<string, number>();
  for (const { module, bytes } of modules) {
    const parts = module.split('/');
    const name = parts.slice(0, module.startsWith('@') ? 2 : 1).join('/');
    totals.set(name, (totals.get(name) ?? 0) + bytes);
  }
  return [...totals].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** `zod 61.2 kB · runlens 20.3 kB` — for one line of a message or table. */
export function listSizes(sizes: readonly Pick<ModuleSize, 'module' | 'bytes'>[], count: number): string {
  return sizes
    .slice(0, count)
    .map(({ module, bytes }) => `${module} ${kB(bytes)} kB`)
    .join(' · ');
}
