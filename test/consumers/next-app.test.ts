import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, waitForText, watchProblems, type PageProblems } from './support/browser.ts';
import { ConsumerCase, failure } from './support/case.ts';
import { freePort, startEmulator, startProcess, type RunningEmulator, type Started } from './support/servers.ts';
import { peers, reactTypesFor, tools } from './versions.ts';

// A Next.js App Router app: a Server Component prefetches with runlens/core and dehydrates into a
// client RunInspector; another Server Component imports the root entry. `next build`, then
// `next start`: the HTML is server-rendered with the prefetched run, and the page hydrates in
// Chromium with no errors and no hydration warnings. Highest peers (the App Router runs on Next's
// own React build whatever the app installs).

const set = peers.highest;
const threadId = 'thread_demo_statuses';
const runId = 'run_demo_completed';

describe('Next.js App Router, next build + next start, highest peers', () => {
  const consumer = new ConsumerCase('next-app');
  let installed = false;
  let built = false;
  let emulator: RunningEmulator | undefined;
  let server: Started | undefined;
  let origin = '';
  let browser: Browser | undefined;

  beforeAll(async () => {
    consumer.copyApp('next-app');
    consumer.writePackage({
      dependencies: { ...set, next: tools.next, runlens: `file:${inject('runlensTarball')}` },
      devDependencies: { typescript: tools.typescript, '@types/node': tools['@types/node'], ...reactTypesFor(set) },
    });
    const install = await consumer.install();
    installed = install.code === 0;
    if (!installed) return;
    // .next/cache stays in the reused case dir between runs.
    const build = await consumer.timed('next build', () => consumer.run(consumer.bin('next'), ['build']));
    built = build.code === 0 && existsSync(join(consumer.dir, '.next', 'BUILD_ID'));
    if (!built) return;
    await consumer.timed('start', async () => {
      emulator = await startEmulator(consumer, 5);
      const port = await freePort();
      server = await startProcess(consumer, consumer.bin('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], /Ready in|Local:/, {
        env: { RUNLENS_BASE_URL: emulator.url },
        timeoutMs: 60_000,
      });
      origin = `http://127.0.0.1:${port}`;
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await emulator?.stop();
    console.log(consumer.report());
  });

  it('installs, and next build succeeds (a Server Component imports runlens/core, another the root entry)', () => {
    expect(installed, failure('npm install', consumer)).toBe(true);
    expect(built, failure('next build', consumer)).toBe(true);
  });

  it('server-renders the prefetched runs and run into the HTML', async () => {
    expect(built, failure('next build', consumer)).toBe(true);
    const response = await fetch(`${origin}/`);
    const html = await response.text();
    const text = visibleText(html);
    const shown = `the page's text:\n${text.slice(0, 1_500)}`;
    expect(response.status, `GET / answered ${response.status}; ${shown}\n${consumer.tail(40)}`).toBe(200);
    expect(text.includes(`Prefetched on the server: ${runId} (completed)`), `the server component fetched the run; ${shown}`).toBe(true);
    // The inspector itself rendered on the server from the dehydrated cache: the runs list and
    // the selected run's panel with its status, not a loading state.
    expect(/<div[^>]*role="listbox"[^>]*aria-label="Runs"/.test(html), `the HTML has the Runs listbox; ${shown}`).toBe(true);
    expect((html.match(/role="option"/g) ?? []).length, `the HTML lists the thread's 5 runs; ${shown}`).toBe(5);
    const panelAt = html.indexOf(`aria-label="Run ${runId}"`);
    expect(panelAt, `the HTML has the region "Run ${runId}"; ${shown}`).toBeGreaterThan(-1);
    const panelText = visibleText(html.slice(panelAt - 200)).slice(0, 300);
    expect(panelText.includes('Completed'), `the run's panel shows its status: ${panelText}`).toBe(true);
  });

  it('mounts runlens/proxy as a route handler: allowed routes reach the emulator, others are 404 in the API\'s shape', async () => {
    expect(built, failure('next build', consumer)).toBe(true);
    const listed = await fetch(`${origin}/api/openai/v1/threads/${threadId}/runs?limit=2`, {
      headers: { authorization: 'Bearer sk-browser-should-not-matter', 'openai-beta': 'assistants=v2' },
    });
    const page = (await listed.json()) as { object?: string; data?: { thread_id: string }[] };
    expect(listed.status, `${JSON.stringify(page)}\n${consumer.tail(20)}`).toBe(200);
    expect(page.object).toBe('list');
    expect(page.data?.map((run) => run.thread_id)).toEqual([threadId, threadId]);
    expect(listed.headers.get('set-cookie')).toBeNull();
    const refused = await fetch(`${origin}/api/openai/v1/files`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });

  it('server-renders the page that imports the root entry in a Server Component', async () => {
    expect(built, failure('next build', consumer)).toBe(true);
    const response = await fetch(`${origin}/keys`);
    const html = await response.text();
    const text = visibleText(html);
    expect(response.status, text.slice(0, 1_500)).toBe(200);
    expect(text.includes('["runlens","thread","thread_1","run","run_1"]'), text.slice(0, 1_500)).toBe(true);
  });

  describe('in Chromium', () => {
    let page: Page;
    let found: PageProblems;

    beforeAll(async () => {
      if (!built) return;
      browser = await launchChromium();
      page = await browser.newPage();
      found = watchProblems(page);
      await page.goto(`${origin}/`);
    });

    it('hydrates, and the inspector is interactive: clicking a run selects it and shows it', async () => {
      expect(built, failure('next build', consumer)).toBe(true);
      const listbox = page.getByRole('listbox', { name: 'Runs' });
      await listbox.waitFor({ timeout: 30_000 });
      // React has hydrated the list once its DOM nodes carry React's instance keys.
      await page.waitForFunction(
        () => {
          const node = document.querySelector('[role="listbox"]');
          return !!node && Object.keys(node).some((key) => key.startsWith('__reactFiber') || key.startsWith('__reactProps'));
        },
        undefined,
        { timeout: 30_000 },
      );
      expect(await listbox.getByRole('option').count()).toBe(5);
      await waitForText(page.getByRole('region', { name: `Run ${runId}` }).getByRole('status').first(), 'Completed');
      const failed = listbox.getByRole('option', { name: /run_demo_failed/ });
      await failed.click();
      await expect.poll(() => failed.getAttribute('aria-selected'), { timeout: 10_000 }).toBe('true');
      await page.getByRole('region', { name: 'Run run_demo_failed' }).waitFor({ timeout: 10_000 });
      await waitForText(page.getByRole('region', { name: 'Run run_demo_failed' }).getByRole('status').first(), 'Failed');
    });

    it('logged no console errors, no hydration warnings and no page errors', () => {
      expect(built, failure('next build', consumer)).toBe(true);
      expect(found.errors).toEqual([]);
      expect(found.warnings.filter((warning) => /hydrat/i.test(warning))).toEqual([]);
    });

    it('the server logged no errors while rendering', () => {
      expect(built, failure('next build', consumer)).toBe(true);
      expect(server!.output().split('\n').filter((line) => /⨯|\bError\b/.test(line))).toEqual([]);
    });
  });
});

/** The text a reader sees, roughly: tags dropped, entities for quotes decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}
