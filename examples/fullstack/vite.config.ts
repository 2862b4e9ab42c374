import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The demo page. In this repo `runlens` means the source (an app gets it from node_modules and
// needs no aliases); everything else is a plain Vite + React config.
const src = resolve(import.meta.dirname, '../../src');

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^runlens$/, replacement: resolve(src, 'index.ts') },
      { find: /^runlens\/assistants$/, replacement: resolve(src, 'backends/assistants/index.ts') },
      { find: /^runlens\/ui$/, replacement: resolve(src, 'ui/index.ts') },
      { find: /^runlens\/styles\.css$/, replacement: resolve(src, 'ui/styles.css') },
    ],
  },
  // One chunk of ~780 kB (React, the SDK, zod, runlens): a demo page, not worth splitting.
  build: { outDir: resolve(import.meta.dirname, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 1024 },
});
