import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { findChromium } from '../../support/chromium.ts';

/** Chromium as the rest of the suite finds it (CHROMIUM_PATH, a system one, or @sparticuz/chromium). */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args });
}

export interface PageProblems {
  /** console.error messages and uncaught page errors, with where they came from. */
  errors: string[];
  /** console.warn messages. */
  warnings: string[];
}

// Production React reports hydration mismatches by number only (react.dev/errors/<n>).
const hydrationErrorCodes = /Minified React error #(418|419|421|422|423|425)\b/;
const explain = (text: string) => (hydrationErrorCodes.test(text) ? `[a hydration mismatch] ${text}` : text);

/** Collects every console error / warning and uncaught error a page reports, from now on. */
export function watchProblems(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], warnings: [] };
  page.on('console', (message) => {
    const where = message.location();
    const text = explain(`${message.text()}${where.url ? `  (at ${where.url}:${where.lineNumber})` : ''}`);
    if (message.type() === 'error') problems.errors.push(`console.error: ${text}`);
    else if (message.type() === 'warning') problems.warnings.push(`console.warn: ${text}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${explain(error.stack ?? error.message)}`));
  return problems;
}

/**
 * Waits until the element's text matches (polling; Playwright's own auto-wait finds the element).
 * On timeout the error says what the text was instead.
 */
export async function waitForText(locator: Locator, expected: string | RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '<not found>';
  for (;;) {
    try {
      last = (await locator.textContent({ timeout: Math.max(1, Math.min(2_000, deadline - Date.now())) })) ?? '';
      if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
    } catch (error) {
      last = `<${(error as Error).message.split('\n')[0]}>`;
    }
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${locator} to show ${expected}; it showed: ${JSON.stringify(last)}`);
    await locator.page().waitForTimeout(50);
  }
}
