import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEmulator, createSystemClock } from '../../../src/emulator';
import { serveEmulator, type ServedEmulator } from '../../../src/emulator/node';
import { runProxyCli, waitForOutput } from './proxy-cli-process';

// `runlens-proxy --store <dir>`: the Responses run index lives in PGlite in that directory, so a
// run recorded through one CLI process is listed by the next one started on the same directory.

let upstream: ServedEmulator;
let dataDir: string;

beforeAll(async () => {
  upstream = await serveEmulator(createEmulator({ clock: createSystemClock({ speed: 10 }) }), { port: 0 });
  dataDir = mkdtempSync(join(tmpdir(), 'runlens-proxy-store-'));
});
afterAll(async () => {
  await upstream?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function startProxy() {
  const cli = runProxyCli(['--upstream', upstream.url, '--port', '0', '--store', dataDir], 'sk-cli-store-test-key');
  // PGlite (Postgres in WASM) takes seconds to start on a busy machine.
  const [, url] = await waitForOutput(() => cli.output().stdout + cli.output().stderr, /listening on (http:\/\/127\.0\.0\.1:\d+\/v1)/, 60_000);
  expect(cli.output().stdout).toContain(`store: ${dataDir}`);
  return { cli, url: url!, origin: new URL(url!).origin };
}

it('keeps the run index in the --store directory across restarts', async () => {
  const first = await startProxy();
  const openai = new OpenAI({ baseURL: first.url, apiKey: 'unused-in-browser', maxRetries: 0 });
  const conversation = await openai.conversations.create({});
  const response = await openai.responses.create({ model: 'gpt-4.1', input: 'Hello', conversation: conversation.id, background: true });
  const recorded = await fetch(`${first.origin}/runlens/run-index/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ runId: response.id, conversationId: conversation.id, createdAt: response.created_at }),
  });
  expect(recorded.status).toBe(204);
  first.cli.child.kill('SIGTERM');
  expect(await first.cli.exited).toBe(0);
  expect(readdirSync(dataDir).length).toBeGreaterThan(0);

  const second = await startProxy();
  const listed = await fetch(`${second.origin}/runlens/run-index/conversations/${conversation.id}/runs`);
  expect(listed.status).toBe(200);
  expect(((await listed.json()) as { data: string[] }).data).toEqual([response.id]);
  second.cli.child.kill('SIGTERM');
  expect(await second.cli.exited).toBe(0);
}, 150_000);
