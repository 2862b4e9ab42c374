import axe from 'axe-core';
import { expect } from 'vitest';

/** axe's violations on a rendered container; colour contrast needs layout jsdom does not have. */
export async function axeViolations(container: Element): Promise<{ id: string; nodes: string[] }[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.html) }));
}

export async function expectNoAxeViolations(container: Element): Promise<void> {
  expect(await axeViolations(container)).toEqual([]);
}
