import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildClient } from './build-client.js';
import { startDemo } from './demo-server.js';

// `npm run demo`: the emulator, the proxy and the page (Vite's dev server) on one port.
// `npm run demo -- --static` builds the page for production first and serves that instead.
const { values } = parseArgs({
  options: { port: { type: 'string', default: '4030' }, static: { type: 'boolean', default: false }, speed: { type: 'string', default: '1' } },
});
const port = Number(values.port);
const speed = Number(values.speed);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !(speed > 0)) {
  console.error(`--port must be an integer from 0 to 65535 and --speed a positive number; got --port ${values.port} --speed ${values.speed}`);
  console.error('Usage: npm run demo -- [--port 4030] [--speed 1] [--static]');
  process.exit(2);
}

let staticDir: string | undefined;
if (values.static) {
  staticDir = mkdtempSync(join(tmpdir(), 'runlens-fullstack-'));
  await buildClient(staticDir);
}
const demo = await startDemo({ port, speed, ...(staticDir && { staticDir }) });
const lines = [...demo.threads].map(([user, threads]) => `  ${user}: ${threads.map((thread) => thread.id).join(', ')}`);
console.log(
  `runlens full-stack demo on ${demo.url}${staticDir ? ' (production build)' : ''}\n` +
    `Sign in as alice or bob; each sees only their own threads:\n${lines.join('\n')}\n` +
    'The page calls the proxy at /api/openai/v1 with no key; the proxy holds the key and forwards to the emulator.',
);
const stop = () =>
  void demo.close().then(() => {
    if (staticDir) rmSync(staticDir, { recursive: true, force: true });
    process.exit(0);
  });
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
