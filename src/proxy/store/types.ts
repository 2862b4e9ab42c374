import type { RunIndex } from '../../backends/responses/run-index/run-index.js';

// What the proxy keeps on the server: who owns each thread, conversation and response it created,
// and the Responses run index (which runs exist in which conversation). One interface, so the
// in-memory store (tests, single process), PGlite (the CLI, the demo) and Postgres (production,
// several proxy instances) stand behind the same proxy.

/** What an owner can be recorded for. Runs live in threads; a run's responses are recorded one by one. */
export type OwnedKind = 'thread' | 'conversation' | 'response';

export interface ProxyStore {
  /** The user the proxy created `id` for; `undefined` when it has no record (not created through it). */
  ownerOf(kind: OwnedKind, id: string): Promise<string | undefined>;
  /**
   * Records that `owner` created `id`. Recording the same owner again does nothing; another owner for
   * an id already recorded rejects (ids are never handed over). Apps call it for threads their own
   * server code created, so the proxy lets their users in.
   */
  recordOwner(kind: OwnedKind, id: string, owner: string): Promise<void>;
  /** The Responses backend's run index, shared by every proxy over the same store. */
  runIndex: RunIndex;
  /** Releases the store (closes the database). */
  close(): Promise<void>;
}
