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

it('the README shows examples/quickstart.ts word for word', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const example = readFileSync(new URL('examples/quickstart.ts', root), 'utf8');
  expect(readme).toContain(example.trim());
});

it('examples/quickstart.ts runs against the emulator and prints what its comments say', async () => {
  // Wall-clock emulator, 50x faster: the SDK's *AndPoll helpers really sleep between polls.
  const server = await serveEmulator(createEmulator({ clock: createSystemClock({ speed: 50 }) }));
  close = server.close;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/quickstart.ts'], {
    cwd: root,
    env: { ...process.env, RUNLENS_BASE_URL: server.url },
    timeout: 30_000,
  });
  expect(stdout.trim().split('\n')).toEqual([
    'requires_action',
    'completed',
    "1 false [ 'tool_calls', 'message_creation' ]",
  ]);
}, 40_000);

it('the README shows examples/responses-quickstart.ts word for word', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  const example = readFileSync(new URL('examples/responses-quickstart.ts', root), 'utf8');
  expect(readme).toContain(example.trim());
});

it('examples/responses-quickstart.ts runs a function-calling turn on the emulator\'s Responses API', async () => {
  const server = await serveEmulator(createEmulator({ clock: createSystemClock({ speed: 50 }) }));
  close = server.close;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'examples/responses-quickstart.ts'], {
    cwd: root,
    env: { ...process.env, RUNLENS_BASE_URL: server.url },
    timeout: 30_000,
  });
  expect(stdout.trim().split('\n')).toEqual(['requires_action', 'completed', "[ 'tool_calls', 'message_creation' ]"]);
}, 40_000);

it('the README shows the Next.js example (the consumer matrix app) word for word', () => {
  const readme = readFileSync(new URL('README.md', root), 'utf8');
  for (const file of ['app/page.tsx', 'app/providers.tsx']) {
    expect(readme).toContain(readFileSync(new URL(`test/consumers/apps/next-app/${file}`, root), 'utf8').trim());
  }
});
