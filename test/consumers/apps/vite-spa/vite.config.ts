import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// A plain production build, as an app would ship it: minified, no aliases, runlens from node_modules.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, minify: true, sourcemap: false },
});
