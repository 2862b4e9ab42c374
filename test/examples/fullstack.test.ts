import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClient } from '../../examples/fullstack/server/build-client';
import { demoServerKey, startDemo, type RunningDemo } from '../../examples/fullstack/server/demo-server';
import { findChromium } from '../support/chromium';

// examples/fullstack as a user meets it: the page built for production (once, with Vite's API),
// served by the demo server with the proxy in front of the emulator, driven in one Chromium.
// Alice and Bob each see only their own threads, the proxy refuses the other's with 403, and
// the server's key is nowhere in what the browser downloads.

let outDir: string;
let demo: RunningDemo;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'runlens-fullstack-'));
  await buildClient(outDir);
  // Emulator time ×10: a run's queue and steps pass in a tenth of a second each.
  demo = await startDemo({ port: 0, staticDir: outDir, speed: 10 });
  const { executablePath, args } = await findChromium();
  browser = await chromium.launch({ executablePath, args });
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const threadsOf = (user: 'alice' | 'bob') => demo.threads.get(user) ?? [];
const statusLine = () => page.getByRole('status').filter({ hasText: /^Signed in as|^Not signed in/ });
const pickerOptions = () => page.getByRole('combobox', { name: 'Thread' }).locator('option').allTextContents();

/** Waits for the page's sign-in line to read `text`; a page that never renders fails with its errors. */
async function expectSignInLine(text: string) {
  try {
    await expect.poll(() => statusLine().textContent(), { timeout: 20_000 }).toBe(text);
  } catch (error) {
    throw new Error(`the page never showed "${text}"; page errors: ${JSON.stringify(pageErrors)}`, { cause: error });
  }
}

async function signInAs(user: 'alice' | 'bob') {
  await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await expectSignInLine(`Signed in as ${user}`);
}

/** What the proxy answers this page (with its session cookie) for a GET below /api/openai/v1. */
function proxyGet(path: string) {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    return { status: response.status, body: (await response.json()) as { error?: { message: string; type: string } } };
  }, `/api/openai/v1${path}`);
}

it("the production client bundle holds no server key, and the demo's calls carry a placeholder", () => {
  const files = filesUnder(outDir);
  const scripts = files.filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  const bundle = files.map((file) => readFileSync(file, 'utf8')).join('\n');
  // The scan reads the real bundle: the page's placeholder key and its proxy path are in it.
  expect(bundle).toContain('unused-in-browser');
  expect(bundle).toContain('/api/openai/v1');
  // React's production build, as an app ships it (Vitest's NODE_ENV=test must not leak into it).
  expect(bundle).not.toContain('jsxDEV');
  expect(bundle).not.toContain(demoServerKey);
  // No key-shaped string at all (not inside a longer word such as "task-list").
  expect(bundle.match(/(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{8,}/g) ?? []).toEqual([]);
});

describe('in Chromium', () => {
  let aliceRunId = '';

  it('asks to sign in first, and the proxy refuses a page with no session (401)', async () => {
    await page.goto(demo.url);
    await expectSignInLine('Not signed in');
    const answer = await proxyGet(`/threads/${threadsOf('alice')[0]!.id}/runs`);
    expect(answer.status).toBe(401);
    expect(answer.body.error?.message).toBe('Sign in first.');
  }, 30_000);

  it('alice sees only her threads, starts a run, answers its tool calls, and it completes', async () => {
    await signInAs('alice');
    const [own, seeded] = threadsOf('alice');
    expect(await pickerOptions()).toEqual(threadsOf('alice').map((thread) => `${thread.title} · ${thread.id}`));
    // Her new thread is picked first; it has no run yet.
    await page.getByRole('combobox', { name: 'Assistant' }).selectOption({ label: 'Weather bot (asks for tool outputs)' });
    await page.getByRole('button', { name: 'Start run' }).click();
    const selected = page.getByRole('listbox', { name: 'Runs' }).getByRole('option', { selected: true });
    aliceRunId = (await selected.getAttribute('data-run-id', { timeout: 20_000 })) ?? '';
    expect(aliceRunId).toMatch(/^run_/);
    const panel = page.getByRole('region', { name: `Run ${aliceRunId}` });
    const status = panel.getByRole('status').first();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('Needs tool outputs');
    const outputs = panel.getByRole('textbox', { name: /^Output for / });
    await outputs.first().waitFor({ timeout: 10_000 });
    for (let i = 0, count = await outputs.count(); i < count; i += 1) await outputs.nth(i).fill('{"temperature": 21}');
    await panel.getByRole('button', { name: 'Submit tool outputs' }).click();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe('Completed');

    // Through the proxy, as alice: her run, and her seeded thread's runs.
    expect((await proxyGet(`/threads/${own!.id}/runs/${aliceRunId}`)).status).toBe(200);
    expect((await proxyGet(`/threads/${seeded!.id}/runs`)).status).toBe(200);
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it("bob sees only his threads; alice's threads and run are 403 through the proxy", async () => {
    await signInAs('bob');
    const options = await pickerOptions();
    expect(options).toEqual(threadsOf('bob').map((thread) => `${thread.title} · ${thread.id}`));
    for (const thread of threadsOf('alice')) expect(options.join('\n')).not.toContain(thread.id);
    // His seeded thread's history shows (it is second in his list).
    await page.getByRole('combobox', { name: 'Thread' }).selectOption({ index: 1 });
    await page.getByRole('listbox', { name: 'Runs' }).getByRole('option').first().waitFor({ timeout: 20_000 });

    const [aliceThread, aliceSeeded] = threadsOf('alice');
    for (const path of [`/threads/${aliceThread!.id}/runs`, `/threads/${aliceThread!.id}/runs/${aliceRunId}`, `/threads/${aliceSeeded!.id}/runs`]) {
      const answer = await proxyGet(path);
      expect(answer, path).toMatchObject({ status: 403, body: { error: { type: expect.any(String), message: expect.stringMatching(/another user/) } } });
    }
    expect(pageErrors).toEqual([]);
  }, 60_000);
});

it('npm run demo serves the page from Vite’s dev server on the same origin as the proxy', async () => {
  const dev = await startDemo({ port: 0 });
  try {
    const html = await (await fetch(dev.url)).text();
    expect(html).toContain('<div id="root"></div>');
    const entry = await fetch(new URL('/src/main.tsx', dev.url));
    expect(entry.status).toBe(200);
    expect(entry.headers.get('content-type')).toMatch(/javascript/);
    expect(await entry.text()).toContain('createRoot');
    expect(await (await fetch(new URL('/api/threads', dev.url))).json()).toEqual({ user: null, threads: [] });
  } finally {
    await dev.close();
  }
}, 60_000);
