import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, expect, it } from 'vitest';
import { createEmulator, createSystemClock } from '../../src/emulator';
import { serveEmulator } from '../../src/emulator/node';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url);
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

/** Asserts the README holds `examples/<file>` word for word. */
function expectReadmeShows(file: string): void {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  expect(readme).toContain(readFileSync(new URL(`examples/${file}`, root), 'utf8').trim());
}

/**
 * Runs `examples/<file>` with tsx against a wall-clock emulator 50x faster than real time (the
 * SDK's *AndPoll helpers and the examples' own loops really sleep between polls); its stdout lines.
 */
async function runExample(file: string): Promise<string[]> {
  const server = await serveEmulator(createEmulator({ clock: createSystemClock({ speed: 50 }) }));
  close = server.close;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', `examples/${file}`], {
    cwd: root,
    env: { ...process.env, RUNLENS_BASE_URL: server.url },
    timeout: 30_000,
  });
  return stdout.trim().split('\n');
}

it('the README shows examples/quickstart.ts word for word', () => {
  expectReadmeShows('quickstart.ts');
});

it('examples/quickstart.ts runs against the emulator and prints what its comments say', async () => {
  expect(await runExample('quickstart.ts')).toEqual([
    'requires_action',
    'completed',
    "1 false [ 'tool_calls', 'message_creation' ]",
  ]);
}, 40_000);

it('the README shows examples/responses-quickstart.ts word for word', () => {
  expectReadmeShows('responses-quickstart.ts');
});

it('examples/responses-quickstart.ts runs a function-calling turn on the emulator\'s Responses API', async () => {
  expect(await runExample('responses-quickstart.ts')).toEqual(['requires_action', 'completed', "[ 'tool_calls', 'message_creation' ]"]);
}, 40_000);

it('the README shows the Next.js example (the consumer matrix app) word for word', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  for (const file of ['app/page.tsx', 'app/providers.tsx']) {
    expect(readme).toContain(readFileSync(new URL(`test/consumers/apps/next-app/${file}`, root), 'utf8').trim());
  }
});
