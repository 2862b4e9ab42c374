import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import './test/support/node20.ts';

// Library build: one ESM file per entry, peers and Node built-ins left external.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^@tanstack\//,
  /^openai($|\/)/,
  /^zod($|\/)/,
  /^node:/,
];

// In this repo, `runlens` (as the README's examples import it) means the source, not dist/.
const selfAlias = [
  { find: /^runlens$/, replacement: resolve(import.meta.dirname, 'src/index.ts') },
  { find: /^runlens\/emulator$/, replacement: resolve(import.meta.dirname, 'src/emulator/index.ts') },
  { find: /^runlens\/emulator\/node$/, replacement: resolve(import.meta.dirname, 'src/emulator/node.ts') },
];

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
        'emulator/index': resolve(import.meta.dirname, 'src/emulator/index.ts'),
        'emulator/node': resolve(import.meta.dirname, 'src/emulator/node.ts'),
        'emulator/cli': resolve(import.meta.dirname, 'src/emulator/cli.ts'),
      },
    },
    rollupOptions: { external },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/api/**/*.test.ts', 'test/emulator/**/*.test.ts', 'test/query/**/*.test.ts', 'test/examples/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          setupFiles: ['test/support/jsdom-setup.ts'],
          include: ['test/react/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
