import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, waitForText, watchProblems, type PageProblems } from './support/browser.ts';
import { ConsumerCase, failure } from './support/case.ts';
import { serveStatic, startEmulator, type RunningEmulator } from './support/servers.ts';
import { peers, peerSetNames, tools, type PeerSetName } from './versions.ts';

// A Vite + React SPA built for production (minified) against the packed tarball, for the highest
// and the lowest peers, driven in Chromium by role and accessible name against the emulator CLI
// from the installed package.

const speed = 5;

describe.each(peerSetNames)('Vite SPA, production build, %s peers', (set: PeerSetName) => {
  const consumer = new ConsumerCase(`vite-spa-${set}`);
  let installed = false;
  let built = false;
  let buildOutput = '';
  let emulator: RunningEmulator | undefined;
  let site: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  const problems: { page: string; found: PageProblems }[] = [];

  beforeAll(async () => {
    consumer.copyApp('vite-spa');
    consumer.writePackage({
      type: 'module',
      dependencies: { ...peers[set], runlens: `file:${inject('runlensTarball')}` },
      // No typescript here: Vite strips types, and nodenext-types.test.ts typechecks both peer sets.
      devDependencies: { vite: tools.vite, '@vitejs/plugin-react': tools['@vitejs/plugin-react'] },
    });
    const install = await consumer.install();
    installed = install.code === 0;
    if (!installed) return;
    const build = await consumer.timed('vite build', () => consumer.run(consumer.bin('vite'), ['build']));
    built = build.code === 0 && existsSync(join(consumer.dir, 'dist', 'index.html'));
    buildOutput = build.output;
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.stop();
    console.log(consumer.report());
  });

  it('installs and builds', () => {
    expect(installed, failure('npm install', consumer)).toBe(true);
    expect(built, failure('vite build', consumer)).toBe(true);
    const assets = readdirSync(join(consumer.dir, 'dist', 'assets'));
    expect(assets.some((name) => name.endsWith('.css')), 'the build has the styles.css import as a CSS asset').toBe(true);
    // A Node built-in reached from a browser entry is stubbed by Vite with this warning, and breaks at run time.
    expect(buildOutput, 'Vite externalized a Node built-in for the browser bundle').not.toMatch(/externalized for browser compatibility/);
  });

  describe('in Chromium', () => {
    let page: Page;
    let found: PageProblems;

    const open = async (thread: string) => {
      page = await browser!.newPage();
      found = watchProblems(page);
      problems.push({ page: thread, found });
      await page.goto(`${site!.url}/?baseURL=${encodeURIComponent(emulator!.url)}&thread=${thread}`);
      await page.getByRole('listbox', { name: 'Runs' }).waitFor({ timeout: 30_000 });
    };
    // RunList.Item states its run as data-run-id (the primitives' documented data-* contract).
    const selectedRunId = async () => {
      const option = page.getByRole('listbox', { name: 'Runs' }).getByRole('option', { selected: true });
      const id = await option.getAttribute('data-run-id', { timeout: 10_000 });
      if (!id) throw new Error(`the selected option has no data-run-id: ${JSON.stringify(await option.textContent())}`);
      return id;
    };
    /** Picks an assistant in the new-run form, starts a run, and waits for it to be the selected one. */
    const startRun = async (assistantLabel: string) => {
      const before = await selectedRunId();
      await page.getByRole('combobox', { name: 'Assistant' }).selectOption({ label: assistantLabel });
      await page.getByRole('button', { name: 'Start run' }).click();
      // The new run lands at the top of the list, selected.
      await expect.poll(selectedRunId, { timeout: 30_000 }).not.toBe(before);
      return selectedRunId();
    };
    const panel = (runId: string) => page.getByRole('region', { name: `Run ${runId}` });
    const headerStatus = (runId: string) => panel(runId).getByRole('status').first();

    beforeAll(async () => {
      if (!built) return;
      await consumer.timed('serve + launch', async () => {
        emulator = await startEmulator(consumer, speed);
        site = await serveStatic(join(consumer.dir, 'dist'));
        browser = await launchChromium();
      });
    });

    afterAll(async () => {
      await page?.close();
    });

    it('starts a function_call run, answers its tool calls, and it completes', async () => {
      expect(built, failure('vite build', consumer)).toBe(true);
      await open('statuses');
      const runId = await startRun('Weather bot');
      await waitForText(headerStatus(runId), 'Needs tool outputs');

      // One "Output for <function name>" textarea per pending call (the seeded assistant asks 2 in parallel).
      const outputs = panel(runId).getByRole('textbox', { name: /^Output for / });
      await outputs.first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      const count = await outputs.count();
      expect(
        count,
        `the tool-outputs form has no textbox named "Output for …"; its fields are: ${await describeFields(panel(runId))}`,
      ).toBeGreaterThan(0);
      for (let i = 0; i < count; i += 1) await outputs.nth(i).fill('{"temperature": 21}');
      await panel(runId).getByRole('button', { name: 'Submit tool outputs' }).click();
      await waitForText(headerStatus(runId), 'Completed');
      expect(found.errors).toEqual([]);
    });

    it('cancels a slow run in progress', async () => {
      expect(built, failure('vite build', consumer)).toBe(true);
      // A thread with no active run: start a slow one there (the seeded in-progress run ends ~24 s
      // after the emulator starts at this speed, too close to rely on under load).
      await open('history');
      const runId = await startRun('Slow thinker');
      await waitForText(headerStatus(runId), 'In progress');
      await panel(runId).getByRole('button', { name: 'Cancel run' }).click();
      await waitForText(headerStatus(runId), 'Cancelled');
      expect(found.errors).toEqual([]);
    });

    it('moves the selection with ArrowDown and shows that run', async () => {
      expect(built, failure('vite build', consumer)).toBe(true);
      await open('statuses');
      const listbox = page.getByRole('listbox', { name: 'Runs' });
      const options = listbox.getByRole('option');
      const first = await selectedRunId();
      await panel(first).waitFor({ timeout: 10_000 });
      const ids = await options.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-run-id')));
      const next = ids[ids.indexOf(first) + 1];
      expect(next, `a run below ${first} in ${JSON.stringify(ids)}`).toBeTruthy();
      await listbox.getByRole('option', { selected: true }).focus();
      await page.keyboard.press('ArrowDown');
      await expect.poll(selectedRunId, { timeout: 10_000 }).toBe(next);
      await panel(next!).waitFor({ timeout: 10_000 });
      expect(await panel(next!).isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('option');
      expect(found.errors).toEqual([]);
    });

    it('logged no console errors and no page errors on any page', () => {
      expect(built, failure('vite build', consumer)).toBe(true);
      expect(problems.flatMap(({ page: name, found: { errors } }) => errors.map((error) => `[${name}] ${error}`))).toEqual([]);
    });
  });
});

/** The form's fields by role and name, for a message when the expected ones are missing. */
async function describeFields(scope: ReturnType<Page['getByRole']>): Promise<string> {
  return scope.evaluate((root) =>
    Array.from(root.querySelectorAll('input, textarea, select'))
      .map((field) => {
        const id = field.getAttribute('id');
        const label = (id && root.querySelector(`label[for="${id}"]`)?.textContent) || field.getAttribute('aria-label') || field.getAttribute('name') || '?';
        return `${field.tagName.toLowerCase()}[${label.trim()}]`;
      })
      .join(', '),
  );
}
