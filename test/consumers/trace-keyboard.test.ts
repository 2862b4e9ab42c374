import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, watchProblems } from './support/browser.ts';
import { ConsumerCase, failure } from './support/case.ts';
import { serveStatic, startEmulator, type RunningEmulator } from './support/servers.ts';
import { peers, tools } from './versions.ts';

// The "done when", in the Vite SPA built from the packed tarball (test/consumers/apps/vite-spa),
// in Chromium, by keyboard only: open a 10 000-step run, find the failed call by typing its tool name,
// jump to its bar and back, export it, and open the export in a fresh page with no backend.

const steps = 10_000;
const failStep = 9_990;
/** Emulator speed: the bulk run lays out a step every 10 emulator ms, so 100 s of it takes ~1 s. */
const speed = 100;

describe('trace by keyboard: a 10 000-step run, search, waterfall, export, and the export opened offline', () => {
  const consumer = new ConsumerCase('vite-spa-trace');
  let built = false;
  let emulator: RunningEmulator | undefined;
  let site: { url: string; close(): Promise<void> } | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    consumer.copyApp('vite-spa');
    consumer.writePackage({
      type: 'module',
      dependencies: { ...peers.highest, runlens: `file:${inject('runlensTarball')}` },
      devDependencies: { vite: tools.vite, '@vitejs/plugin-react': tools['@vitejs/plugin-react'] },
    });
    if ((await consumer.install()).code !== 0) return;
    const build = await consumer.timed('vite build', () => consumer.run(consumer.bin('vite'), ['build']));
    built = build.code === 0 && existsSync(join(consumer.dir, 'dist', 'index.html'));
    if (!built) return;
    emulator = await startEmulator(consumer, speed);
    site = await serveStatic(join(consumer.dir, 'dist'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await emulator?.stop();
    console.log(consumer.report());
  });

  it('does it all by keyboard', async () => {
    expect(built, failure('install + vite build', consumer)).toBe(true);
    const { threadId, runId } = await bulkRunWithFailedCall(emulator!.url);

    // ─── The run, live from the emulator ───
    const context = await browser!.newContext({ acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site!.url });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${site!.url}/?baseURL=${encodeURIComponent(emulator!.url)}&thread=${threadId}`);
    const panel = page.getByRole('region', { name: `Run ${runId}` });
    await expect.poll(() => panel.getByRole('status').first().textContent(), { timeout: 30_000 }).toBe('Failed');

    // The whole screen by Tab: every stop shows its focus, each control once, and Tab leaves the
    // inspector at its end (no trap); Shift+Tab walks the same stops back.
    const stops = await walkTabOrder(page);
    const order = stops.map((stop) => `${stop.role} "${stop.name}"`).join(' → ');
    for (const name of ['Start run', 'Download JSON', 'Copy as Markdown', 'Search steps', 'Step type', 'Tool', 'Status', 'Zoom in', 'Run steps']) {
      expect(stops.some((stop) => stop.name === name), `${name} in the tab order: ${order}`).toBe(true);
    }
    // The runs listbox's and the waterfall's one tab stop each: an option (a bar is named "… (failed)").
    expect(stops.filter((stop) => stop.role === 'option'), order).toHaveLength(2);
    expect(stops.some((stop) => stop.role === 'option' && /\((completed|failed)\)$/.test(stop.name)), order).toBe(true);

    // `/` focuses the search from anywhere; typing the tool name finds the one failed call.
    await page.locator('h1').click();
    await page.keyboard.press('/');
    expect(await focused(page)).toMatchObject({ role: 'searchbox', name: 'Search steps' });
    await page.keyboard.type('charge_card');
    await page.keyboard.press('Enter');
    const searchStatus = panel.locator('[data-slot="trace-search-status"]');
    await expect.poll(() => searchStatus.textContent(), { timeout: 60_000 }).toMatch(/^1 of 1 match/);
    const details = page.getByRole('complementary', { name: 'Selected step' });
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain('charge_card failed: the payment service timed out.');

    // Jump to its bar…
    await tabTo(page, 'Show in waterfall');
    await page.keyboard.press('Enter');
    const bar = await focused(page);
    expect(bar).toMatchObject({ role: 'option', selected: true });
    expect(bar.name).toMatch(/charge_card/);
    // …and back to its step in the list.
    await page.keyboard.press('Enter');
    const row = await focused(page);
    expect(row).toMatchObject({ role: 'button', pressed: true });
    expect(row.name).toMatch(/charge_card/);

    // Export: Download JSON, then Copy as Markdown.
    await tabTo(page, 'Download JSON', { backwards: true });
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.keyboard.press('Enter')]);
    const file = join(consumer.dir, 'exported-run.json');
    await download.saveAs(file);
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as { format: string; version: number; run: { id: string }; steps: unknown[] };
    expect(bundle).toMatchObject({ format: 'runlens.run-bundle', version: 1, run: { id: runId } });
    expect(bundle.steps).toHaveLength(failStep);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ role: 'button', name: 'Copy as Markdown' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 120_000 }).toContain('charge_card');
    expect(problems.errors).toEqual([]);
    await context.close();

    // ─── A fresh page with no backend: only the static site answers ───
    const offline = await browser!.newContext();
    const elsewhere: string[] = [];
    await offline.route('**/*', (route) => {
      if (route.request().url().startsWith(site!.url)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    const fresh = await offline.newPage();
    const freshProblems = watchProblems(fresh);
    // Listening before anything happens: Playwright turns on the page's file-chooser interception
    // when the first listener is added, and that must be in place before the key press opens one.
    const chosen = fresh.waitForEvent('filechooser', { timeout: 60_000 });
    await fresh.goto(`${site!.url}/?viewer`);
    await fresh.getByRole('button', { name: 'Open file' }).waitFor();
    await tabTo(fresh, 'Open file');
    await fresh.keyboard.press('Enter');
    const chooser = await chosen;
    await chooser.setFiles(file);
    const replayed = fresh.getByRole('region', { name: `Run ${runId}` });
    await expect.poll(() => replayed.getByRole('status').first().textContent(), { timeout: 30_000 }).toBe('Failed');
    // Read-only, with the reason, instead of actions.
    await expect.poll(() => fresh.getByText('A replay of an exported run is read-only.').count()).toBeGreaterThan(0);
    expect(await fresh.getByRole('button', { name: 'Start run' }).count()).toBe(0);
    await fresh.keyboard.press('/');
    await fresh.keyboard.type('charge_card');
    await fresh.keyboard.press('Enter');
    await expect.poll(() => replayed.locator('[data-slot="trace-search-status"]').textContent(), { timeout: 60_000 }).toMatch(/^1 of 1 match/);
    await expect
      .poll(() => fresh.getByRole('complementary', { name: 'Selected step' }).textContent(), { timeout: 10_000 })
      .toContain('charge_card failed: the payment service timed out.');
    expect(elsewhere).toEqual([]);
    expect(freshProblems.errors).toEqual([]);
    await offline.close();
  });
});

/** A thread whose one run is a bulk run of `steps` tool calls, the `failStep`th a failing `charge_card`; waits until it has failed. */
async function bulkRunWithFailedCall(baseURL: string): Promise<{ threadId: string; runId: string }> {
  const openai = new OpenAI({ baseURL, apiKey: 'sk-emulator' });
  const assistant = await openai.beta.assistants.create({ model: 'gpt-4o', name: 'Bulk' });
  const run = await openai.beta.threads.createAndRun({
    assistant_id: assistant.id,
    metadata: { 'emulator.scenario': 'bulk', 'emulator.steps': String(steps), 'emulator.fail_step': String(failStep) },
  });
  await expect.poll(async () => (await openai.beta.threads.runs.retrieve(run.id, { thread_id: run.thread_id })).status, { timeout: 60_000, interval: 200 }).toBe('failed');
  return { threadId: run.thread_id, runId: run.id };
}

interface Focused {
  role: string;
  name: string;
  selected?: boolean;
  pressed?: boolean;
  focusVisible: boolean;
}

/** The focused element's role and accessible name (as the page computes them), and whether its focus shows. */
async function focused(page: Page): Promise<Focused> {
  const snapshot = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const implicit: Record<string, string> = { BUTTON: 'button', SELECT: 'combobox', TEXTAREA: 'textbox', A: 'link' };
    const input = element instanceof HTMLInputElement ? (element.type === 'search' ? 'searchbox' : 'textbox') : undefined;
    const labelledBy = element.getAttribute('aria-labelledby');
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null) ??
      element.textContent ??
      '';
    const style = getComputedStyle(element);
    return {
      role: element.getAttribute('role') ?? input ?? implicit[element.tagName] ?? element.tagName.toLowerCase(),
      name: name.replace(/\s+/g, ' ').trim(),
      selected: element.hasAttribute('aria-selected') ? element.getAttribute('aria-selected') === 'true' : undefined,
      pressed: element.hasAttribute('aria-pressed') ? element.getAttribute('aria-pressed') === 'true' : undefined,
      focusVisible: element.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
  if (!snapshot) throw new Error('nothing has focus');
  return Object.fromEntries(Object.entries(snapshot).filter(([, value]) => value !== undefined)) as unknown as Focused;
}

/**
 * From the top of the page, Tab until focus leaves the page's inspector: every stop must show its
 * focus and come once (a repeat before the end is a trap); then Shift+Tab must visit the same stops
 * in reverse. Returns the stops.
 */
async function walkTabOrder(page: Page): Promise<Focused[]> {
  await page.locator('h1').click();
  const stops: Focused[] = [];
  const keys: string[] = [];
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => Boolean(document.activeElement?.closest('[data-slot="run-inspector"]')));
    if (!inside) break;
    const now = await focused(page);
    // An identity per element (a row unmounted and mounted again is a new one).
    const key = await page.evaluate(() => {
      const ids = ((window as { __tabIds?: WeakMap<Element, string> }).__tabIds ??= new WeakMap());
      const element = document.activeElement!;
      if (!ids.has(element)) ids.set(element, String(Math.random()));
      return ids.get(element)!;
    });
    expect(keys, `Tab came back to ${now.role} "${now.name}": a trap`).not.toContain(key);
    expect(now.focusVisible, `focus shows on ${now.role} "${now.name}"`).toBe(true);
    keys.push(key);
    stops.push(now);
  }
  expect(stops.length).toBeGreaterThan(10);
  for (const stop of [...stops].reverse()) {
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toMatchObject({ role: stop.role, name: stop.name });
  }
  return stops;
}

/**
 * Presses Tab (or Shift+Tab) until a button named `name` has focus; every stop on the way must show
 * its focus, and the walk must not cycle (a trap) before it gets there.
 */
async function tabTo(page: Page, name: string, { backwards = false, limit = 120 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page).catch(() => null);
    if (!now) continue;
    expect(now.focusVisible, `focus shows on ${now.role} "${now.name}"`).toBe(true);
    if (now.name === name) return;
    seen.push(`${now.role} "${now.name}"`);
  }
  throw new Error(`${limit} presses of ${backwards ? 'Shift+Tab' : 'Tab'} never reached "${name}"; focus went: ${seen.join(' → ')}`);
}
