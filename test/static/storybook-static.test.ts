import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../support/chromium';
import { afterAll, beforeAll, expect, it } from 'vitest';

// A built Storybook must work from any static file server: build it, serve the folder with a
// plain file server (no Storybook, no Vite), and check stories render runs from the in-browser
// emulator in headless Chromium.

const run = promisify(execFile);
const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

let dir: string;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'runlens-storybook-'));
  await run(process.execPath, ['node_modules/storybook/dist/bin/dispatcher.js', 'build', '-o', dir, '--quiet'], {
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { executablePath, args } = await findChromium();
  browser = await chromium.launch({ executablePath, args });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it.each([
  ['runinspector--history', '[role="listbox"][aria-label="Runs"] [role="option"]'],
  ['runinspector--ten-thousand-steps', '[role="list"][aria-label="Run steps"] [role="listitem"]'],
  ['components-runstepview--code-interpreter-with-image', 'img[alt^="Output image file-"]'],
])('the built story %s renders emulator data (%s)', async (id, selector) => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
  await page.waitForSelector(selector, { timeout: 30_000 });
  expect(await page.locator(selector).count()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

it('the built manager UI opens a story in its preview frame', async () => {
  const page = await browser.newPage();
  await page.goto(`${base}/index.html?path=/story/runinspector--completed`);
  const status = page.frameLocator('#storybook-preview-iframe').getByRole('status').filter({ hasText: 'Completed' }).first();
  await expect.poll(() => status.textContent({ timeout: 30_000 }), { timeout: 40_000 }).toBe('Completed');
  await page.close();
}, 60_000);

it('the built Storybook holds no API key but the emulator placeholder', () => {
  // A key-shaped string (not inside a longer word such as "task-list") in any file the site serves.
  const keyShaped = /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{8,}/g;
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    for (const key of readFileSync(join(entry.parentPath, entry.name), 'latin1').match(keyShaped) ?? []) found.add(key);
  }
  expect([...found]).toEqual(['sk-emulator']);
});
