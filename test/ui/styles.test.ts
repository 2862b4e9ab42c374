import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(import.meta.dirname, '../../src/ui/styles.css'), 'utf8');

/** The `--rl-*` declarations of the first rule whose selector is exactly `selector`. */
function variables(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThanOrEqual(0);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries([...body.matchAll(/(--rl-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

// WCAG 2.x relative luminance and contrast ratio of two #rrggbb colours.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = variables(":root,\n[data-theme='light']");
const dark = variables("[data-theme='dark']");
const statuses = ['queued', 'in-progress', 'requires-action', 'cancelling', 'cancelled', 'failed', 'completed', 'incomplete', 'expired'];
const textPairs: [fg: string, bg: string][] = [
  ['--rl-color-fg', '--rl-color-bg'],
  ['--rl-color-fg', '--rl-color-surface'],
  ['--rl-color-fg', '--rl-color-selected-bg'],
  ['--rl-color-muted-fg', '--rl-color-bg'],
  ['--rl-color-muted-fg', '--rl-color-surface'],
  ['--rl-color-muted-fg', '--rl-color-selected-bg'],
  ['--rl-color-accent-fg', '--rl-color-accent'],
  ['--rl-color-danger', '--rl-color-bg'],
  ['--rl-color-danger', '--rl-color-danger-bg'],
  ...statuses.flatMap((s): [string, string][] => [
    [`--rl-status-${s}-fg`, `--rl-status-${s}-bg`],
    // Timeline labels can overflow their bar onto the page.
    [`--rl-status-${s}-fg`, '--rl-color-bg'],
  ]),
];

describe('styles.css', () => {
  it.each([
    ['light', light],
    ['dark', dark],
  ])('every text colour pair meets WCAG AA (4.5:1) in the %s theme', (_name, theme) => {
    const failing = textPairs
      .map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(theme[fg]!, theme[bg]!) }))
      .filter(({ ratio }) => !(ratio >= 4.5));
    expect(failing).toEqual([]);
  });

  it('swaps the same variables for prefers-color-scheme dark unless <html data-theme="light">', () => {
    const media = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    const block = media.slice(media.indexOf(":root:not([data-theme='light']) {"), media.indexOf('}'));
    const fromMedia = Object.fromEntries([...block.matchAll(/(--rl-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
    expect(fromMedia).toEqual(dark);
    expect(Object.keys(dark).every((name) => name in light)).toBe(true);
  });

  it('styles states from data-state, shows focus rings, and honours reduced motion', () => {
    for (const status of ['queued', 'in_progress', 'requires_action', 'cancelling', 'cancelled', 'failed', 'completed', 'incomplete', 'expired']) {
      expect(css).toContain(`[data-state='${status}']`);
    }
    expect(css).toMatch(/:focus-visible[^{]*\{[^}]*outline: 2px solid var\(--rl-color-focus\)/);
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)[\s\S]*animation: none[\s\S]*transition: none/);
  });
});

describe('animations', () => {
  it('animate only decorations (::before / ::after), never an element with text: labels keep AA mid-animation', () => {
    const animated = [...css.matchAll(/([^{}]+)\{[^{}]*\banimation:\s*(?!\s|none)[^;]+;/g)].map((m) => m[1]!.trim());
    expect(animated.length).toBeGreaterThan(0);
    for (const selector of animated) expect(selector, selector).toMatch(/::(before|after)$/);
  });
});

describe('search matches', () => {
  it('are marked (::highlight(runlens-search)) with a fixed colour pair that reads at 4.5:1 or more on either theme', () => {
    const rule = /::highlight\(runlens-search\)\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
    const background = /background-color:\s*(#[0-9a-f]{6})/i.exec(rule)?.[1];
    const color = /(?:^|[^-])color:\s*(#[0-9a-f]{6})/i.exec(rule)?.[1];
    expect(background && color).toBeTruthy();
    // Both are literal colours: the pair is the same on the light and the dark page.
    expect(contrast(color!, background!)).toBeGreaterThanOrEqual(4.5);
  });
});
