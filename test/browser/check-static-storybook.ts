// Checks a built Storybook (`npm run build-storybook`) works from any static file server: serves
// storybook-static/ with python3's http.server, opens stories in headless Debian Chromium and checks
// they render runs from the in-browser emulator. Run: npx tsx test/browser/check-static-storybook.ts
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const dir = resolve(import.meta.dirname, '../../storybook-static');
const port = 6107;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], { stdio: 'ignore' });
await new Promise((done) => setTimeout(done, 1000));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
let failed = false;
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  const checks: [string, string][] = [
    ['runinspector--history', '[role="listbox"][aria-label="Runs"] [role="option"]'],
    ['runinspector--ten-thousand-steps', '[role="list"][aria-label="Run steps"] [role="listitem"]'],
    ['components-runstepview--code-interpreter-with-image', 'img[alt^="Output image file-"]'],
  ];
  for (const [id, selector] of checks) {
    await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story`);
    const count = await page.waitForSelector(selector, { timeout: 30_000 }).then(() => page.locator(selector).count(), () => 0);
    console.log(`${count > 0 ? 'ok  ' : 'FAIL'} ${id}: ${count} × ${selector}`);
    failed ||= count === 0;
  }
  await page.goto(`http://127.0.0.1:${port}/index.html?path=/story/runinspector--completed`);
  const frame = page.frameLocator('#storybook-preview-iframe');
  const status = await frame.getByRole('status').filter({ hasText: 'Completed' }).first().textContent({ timeout: 30_000 }).catch(() => null);
  console.log(`${status ? 'ok  ' : 'FAIL'} manager UI → RunInspector/Completed shows "${status}"`);
  failed ||= !status;
} finally {
  await browser.close();
  server.kill();
}
process.exitCode = failed ? 1 : 0;
