import { resolve } from 'node:path';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { findChromium } from './test/support/chromium.ts';
import './test/support/node20.ts';

// Library build: ESM, one output file per source module (so each keeps its own 'use client', which
// rolldown preserves per module, and the .d.ts files tsc emits sit beside it), peers and Node built-ins left external.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^openai($|\/)/,
  /^zod($|\/)/,
  /^node:/,
  // The proxy's optional database drivers, loaded only by the store that needs them.
  /^@electric-sql\/pglite($|\/)/,
  /^pg($|\/)/,
];

// In this repo, `runlens` (as the README's examples import it) means the source, not dist/.
const selfAlias = [
  { find: /^runlens$/, replacement: resolve(import.meta.dirname, 'src/index.ts') },
  { find: /^runlens\/core$/, replacement: resolve(import.meta.dirname, 'src/core.ts') },
  { find: /^runlens\/assistants$/, replacement: resolve(import.meta.dirname, 'src/backends/assistants/index.ts') },
  { find: /^runlens\/responses$/, replacement: resolve(import.meta.dirname, 'src/backends/responses/index.ts') },
  { find: /^runlens\/replay$/, replacement: resolve(import.meta.dirname, 'src/backends/replay/index.ts') },
  { find: /^runlens\/primitives$/, replacement: resolve(import.meta.dirname, 'src/primitives/index.ts') },
  { find: /^runlens\/ui$/, replacement: resolve(import.meta.dirname, 'src/ui/index.ts') },
  { find: /^runlens\/styles\.css$/, replacement: resolve(import.meta.dirname, 'src/ui/styles.css') },
  { find: /^runlens\/emulator$/, replacement: resolve(import.meta.dirname, 'src/emulator/index.ts') },
  { find: /^runlens\/emulator\/node$/, replacement: resolve(import.meta.dirname, 'src/emulator/node.ts') },
  { find: /^runlens\/proxy$/, replacement: resolve(import.meta.dirname, 'src/proxy/index.ts') },
  { find: /^runlens\/proxy\/node$/, replacement: resolve(import.meta.dirname, 'src/proxy/node.ts') },
];

// Only Vitest drives a browser; a library build must not unpack one.
const browserLaunch = process.env.VITEST ? await findChromium() : undefined;

export default defineConfig({
  plugins: [react()],
  resolve: { alias: selfAlias },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    lib: {
      formats: ['es'],
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        core: resolve(import.meta.dirname, 'src/core.ts'),
        'backends/assistants/index': resolve(import.meta.dirname, 'src/backends/assistants/index.ts'),
        'backends/responses/index': resolve(import.meta.dirname, 'src/backends/responses/index.ts'),
        'backends/replay/index': resolve(import.meta.dirname, 'src/backends/replay/index.ts'),
        'primitives/index': resolve(import.meta.dirname, 'src/primitives/index.ts'),
        'ui/index': resolve(import.meta.dirname, 'src/ui/index.ts'),
        'emulator/index': resolve(import.meta.dirname, 'src/emulator/index.ts'),
        'emulator/node': resolve(import.meta.dirname, 'src/emulator/node.ts'),
        'emulator/cli': resolve(import.meta.dirname, 'src/emulator/cli.ts'),
        'proxy/index': resolve(import.meta.dirname, 'src/proxy/index.ts'),
        'proxy/node': resolve(import.meta.dirname, 'src/proxy/node.ts'),
        'proxy/cli': resolve(import.meta.dirname, 'src/proxy/cli.ts'),
      },
    },
    rolldownOptions: {
      external,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/api/**/*.test.ts', 'test/backends/**/*.test.ts', 'test/proxy/**/*.test.ts', 'test/emulator/**/*.test.ts', 'test/query/**/*.test.ts', 'test/examples/**/*.test.ts', 'test/static/**/*.test.ts', 'test/chaos/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          // These render against a real emulator over HTTP; on a busy 2-core machine 5 s is too tight.
          testTimeout: 15_000,
          setupFiles: ['test/support/jsdom-setup.ts'],
          include: ['test/react/**/*.test.{ts,tsx}', 'test/ui/**/*.test.{ts,tsx}', 'test/primitives/**/*.test.{ts,tsx}'],
        },
      },
      {
        // Every story is a test: rendered in headless Chromium (test/support/chromium.ts finds one) with
        // its play function and the axe check (parameters.a11y.test = 'error' in .storybook/preview.tsx).
        plugins: [storybookTest({ configDir: resolve(import.meta.dirname, '.storybook') })],
        resolve: { alias: selfAlias },
        test: {
          name: 'storybook',
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: browserLaunch && { executablePath: browserLaunch.executablePath, args: browserLaunch.args },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        // The consumer matrix: the packed tarball installed into real apps (Vite SPA, Next.js,
        // NodeNext/bundler typings, attw + publint). Packs once (globalSetup). Its own group
        // (groupOrder) with two workers: its files run side by side (mostly waiting on npm, builds
        // and the browser), but never beside the timing-sensitive tests of the other projects.
        test: {
          name: 'consumers',
          environment: 'node',
          include: ['test/consumers/**/*.test.ts'],
          globalSetup: ['test/consumers/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
