import { createMemoryRunIndex } from '../../backends/responses/run-index/memory-run-index.js';
import type { OwnedKind, ProxyStore } from './types.js';

/**
 * A `ProxyStore` in this process's memory: owners in a Map, the run index in memory. For tests and
 * a single proxy process; several instances (or a restart) need the SQL store.
 */
export function createMemoryProxyStore(): ProxyStore {
  const owners = new Map<string, string>();
  const keyOf = (kind: OwnedKind, id: string): string => `${kind}:${id}`;
  return {
    ownerOf: async (kind, id) => owners.get(keyOf(kind, id)),
    async recordOwner(kind, id, owner) {
      const known = owners.get(keyOf(kind, id));
      if (known !== undefined && known !== owner) throw new Error(`The ${kind} ${id} is already recorded for another user.`);
      owners.set(keyOf(kind, id), owner);
    },
    runIndex: createMemoryRunIndex(),
    close: async () => undefined,
  };
}
