// The bins' shared start: run the built CLI of the published package, or, in a dev checkout with no
// dist/, load its TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Runs `<dir>/cli`'s `main` with the process's arguments (`dir`: `emulator` or `proxy`). */
export async function launch(dir) {
  const built = new URL(`../dist/${dir}/cli.js`, import.meta.url);
  let cli;
  if (existsSync(fileURLToPath(built))) {
    cli = await import(built.href);
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    cli = await import(new URL(`../src/${dir}/cli.ts`, import.meta.url).href);
  }
  await cli.main(process.argv.slice(2));
}
