import { fileURLToPath } from 'node:url';

// Builds the demo page for production into `outDir` (what `--static` serves, and what the test
// scans for the server key).
export async function buildClient(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // Vite and the React plugin pick React's production build and JSX runtime from NODE_ENV, which
  // the caller may have set otherwise (Vitest sets 'test'): production for the build, then restored.
  const callers = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (callers === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = callers;
  }
}
