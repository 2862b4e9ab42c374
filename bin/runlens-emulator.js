#!/usr/bin/env node
// Published package: run the built CLI. Dev checkout (no dist/): load the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/emulator/cli.js', import.meta.url);
let cli;
if (existsSync(fileURLToPath(built))) {
  cli = await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../src/emulator/cli.ts', import.meta.url).href);
}
await cli.main(process.argv.slice(2));
