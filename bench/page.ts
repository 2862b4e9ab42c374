// What every in-browser bench shares: a Vite production build of its page (aliases and build
// options of its own), served by a plain static server, and headless Chromium found the way the
// tests find it.
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from 'playwright-core';
import { build, type BuildEnvironmentOptions, type InlineConfig } from 'vite';
import { serveStatic } from '../test/consumers/support/servers';
import { findChromium } from '../test/support/chromium';

export interface BenchPageOptions extends Pick<InlineConfig, 'resolve' | 'worker'> {
  /** Build options beside `outDir` and `emptyOutDir` (minify, sourcemap…). */
  build?: BuildEnvironmentOptions;
}

/** Builds the page in `root` into `outDir` and serves it; `url` is the server's origin. */
export async function buildBenchPage(root: string, outDir: string, options: BenchPageOptions = {}): Promise<{ url: string; close(): Promise<void> }> {
  const { build: buildOptions, ...config } = options;
  await build({ root, configFile: false, logLevel: 'warn', plugins: [react()], base: './', ...config, build: { outDir, emptyOutDir: true, ...buildOptions } });
  return serveStatic(outDir);
}

/** Headless Chromium with the suite's launch arguments and `args` after them. */
export async function launchBenchChromium(args: readonly string[] = []): Promise<Browser> {
  const launch = await findChromium();
  return chromium.launch({ executablePath: launch.executablePath, headless: true, args: [...launch.args, ...args] });
}
