import { delimiter, resolve, sep } from 'node:path';

/** The repo root. */
export const repoRoot = resolve(import.meta.dirname, '../../..');
/** Where the matrix keeps its reusable work: the packed tarballs and one dir per case. */
export const cacheRoot = resolve(repoRoot, 'node_modules/.cache/runlens-consumers');
/** The consumer apps' sources, copied into their case dirs. */
export const appsRoot = resolve(import.meta.dirname, '../apps');

/**
 * The environment a child process (npm, vite, next, tsc, the emulator) gets: the user's own, minus
 * what Vitest and an enclosing `npm test` add. With VITEST set, the repo's vite.config.ts would
 * look for a Chromium during `npm pack`'s library build; NODE_ENV=test would change what React,
 * Vite and Next build; npm's lifecycle variables (npm_config_local_prefix, npm_package_*) would
 * point an inner `npm install` at this repo instead of its own dir.
 */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^VITEST/.test(key) || key === 'NODE_ENV' || key === 'TEST' || key === 'INIT_CWD') continue;
    if (/^npm_/i.test(key) && !/^npm_config_/i.test(key)) continue;
    if (/^npm_config_(local_prefix|prefix|global_prefix|argv|engine_strict)$/i.test(key)) continue;
    env[key] = value;
  }
  // `npm test` puts this repo's node_modules/.bin first on PATH; a consumer gets its own tools only.
  const path = (env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.startsWith(repoRoot) || !entry.endsWith(`node_modules${sep}.bin`))
    .join(delimiter);
  return { ...env, PATH: path, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', CI: '1', ...extra };
}
