// Measures what a budget's import costs an app: esbuild bundles it from an unpacked tarball
// (minified, ESM, browser, production, every peer external, split at dynamic imports as an app's
// bundler does), then gzip and brotli at their highest levels. The budget is what loads up front;
// chunks only a dynamic import() reaches are counted apart (`lazy`).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
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
  /** What the page loads up front: the entry chunk and every chunk it imports statically (the budget). */
  minBytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Every module loaded up front, largest first. */
  modules: ModuleSize[];
  /** Chunks only a dynamic `import()` reaches (code loaded when a feature is first used), summed. */
  lazy: { minBytes: number; gzipBytes: number; modules: ModuleSize[] };
  /** Each rule of the budget with the modules that break it (none when it holds). */
  forbidden: { rule: ForbiddenModules; modules: string[] }[];
}

const entryStem = 'app-entry-';

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
  // An entry file per budget: code splitting needs a real entry point (not stdin).
  const entryPath = join(appDir, `${entryStem}${budget.name.replace(/[^a-z0-9]+/gi, '-')}.js`);
  writeFileSync(entryPath, entrySource(budget));
  const result = await build({
    entryPoints: [entryPath],
    absWorkingDir: appDir,
    nodePaths: [dependencyDir],
    bundle: true,
    // As an app's bundler does (Vite, Next, webpack): a dynamic import() becomes a chunk loaded when it runs.
    splitting: true,
    outdir: join(appDir, 'out'),
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
  const outputs = result.metafile.outputs;
  const contents = new Map(result.outputFiles.map((file) => [relative(appDir, file.path), file.contents]));
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  // Up front: the entry and what it imports statically, transitively; the other chunks load later.
  const upFront = new Set<string>();
  const visit = (path: string) => {
    if (upFront.has(path) || !outputs[path]) return;
    upFront.add(path);
    for (const imported of outputs[path]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  const chunks = Object.keys(outputs).filter((path) => path.endsWith('.js'));
  const lazyChunks = chunks.filter((path) => !upFront.has(path));
  const modules = modulesOf(outputs, [...upFront], appDir);
  const lazyModules = modulesOf(outputs, lazyChunks, appDir);
  const installed = [join(appDir, 'node_modules') + sep, resolve(dependencyDir) + sep];
  const stray = [...modules, ...lazyModules].filter(({ path }) => !installed.some((dir) => path.startsWith(dir)));
  if (stray.length) throw new Error(`${budget.name}: bundled files from outside ${installed.join(' and ')}: ${stray.map(({ path }) => path).join(', ')}`);
  const bytes = (paths: readonly string[], measure: (code: Uint8Array) => number) => paths.reduce((sum, path) => sum + measure(contents.get(path)!), 0);
  const gzip = (code: Uint8Array) => gzipSync(code, { level: 9 }).byteLength;
  const all = [...modules, ...lazyModules];
  return {
    budget,
    minBytes: bytes([...upFront], (code) => code.byteLength),
    gzipBytes: bytes([...upFront], gzip),
    brotliBytes: bytes([...upFront], (code) => brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).byteLength),
    modules,
    lazy: { minBytes: bytes(lazyChunks, (code) => code.byteLength), gzipBytes: bytes(lazyChunks, gzip), modules: lazyModules },
    // Nothing forbidden anywhere, loaded up front or later.
    forbidden: budget.mustNotContain.map((rule) => ({ rule, modules: all.filter(({ module }) => rule.pattern.test(module)).map(({ module }) => module) })),
  };
}

/** The modules of `chunks` (entry files aside) by the bytes they left in them, named from their package down. */
function modulesOf(outputs: Metafile['outputs'], chunks: readonly string[], appDir: string): ModuleSize[] {
  return chunks
    .flatMap((chunk) => Object.entries(outputs[chunk]!.inputs))
    .filter(([input, { bytesInOutput }]) => !basename(input).startsWith(entryStem) && bytesInOutput > 0)
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
