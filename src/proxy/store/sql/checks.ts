import type { OwnedKind } from '../types.js';

// The run index's argument checks (shared by every RunIndex), and the owner store's own.

export { checkListParams, checkRecord, checkResponseId } from '../../../backends/responses/run-index/run-index-checks.js';

const kinds: readonly OwnedKind[] = ['thread', 'conversation', 'response'];

export function checkOwnedId(kind: OwnedKind, id: string): void {
  if (!kinds.includes(kind)) throw new TypeError(`Invalid kind '${String(kind)}': expected one of ${kinds.join(', ')}.`);
  if (typeof id !== 'string' || id === '') throw new TypeError(`The ${kind} id must be a non-empty string.`);
}

export function checkOwner(owner: string): void {
  if (typeof owner !== 'string' || owner === '') throw new TypeError('recordOwner: owner must be a non-empty string.');
}
