import type { KeyboardEvent } from 'react';
import type { RunStep } from '../../api/schemas/index.js';

const rovingKeys: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: -Infinity, End: Infinity };

/**
 * The step a key moves to from a row's select button (or from the list itself): arrows by one,
 * Page keys by ten, Home / End to the ends; selection follows, as in a mail client's list.
 */
export function rovingTarget(event: KeyboardEvent<HTMLElement>, steps: readonly RunStep[]): string | null {
  const delta = rovingKeys[event.key];
  const target = event.target as HTMLElement;
  if (delta === undefined || steps.length === 0 || event.altKey || event.ctrlKey || event.metaKey) return null;
  if (target !== event.currentTarget && target.dataset.slot !== 'step-select') return null;
  const currentId = target.closest('[role="listitem"]')?.getAttribute('data-step-id');
  const current = currentId ? steps.findIndex((step) => step.id === currentId) : -1;
  const from = current === -1 ? (delta > 0 ? -1 : steps.length) : current;
  const index = Math.min(steps.length - 1, Math.max(0, Number.isFinite(delta) ? from + delta : delta > 0 ? steps.length - 1 : 0));
  return index === current ? null : steps[index]!.id;
}
