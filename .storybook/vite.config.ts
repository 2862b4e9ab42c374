import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Storybook's own Vite config (framework.options.builder.viteConfigPath): the app side of the root
// vite.config.ts (React, `runlens` → src) without its library build and test projects.
const root = resolve(import.meta.dirname, '..');

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^runlens$/, replacement: resolve(root, 'src/index.ts') },
      { find: /^runlens\/emulator$/, replacement: resolve(root, 'src/emulator/index.ts') },
    ],
  },
});
