import type { StoredRun } from './run-index-state.js';

// The persisted form of a run index: versioned JSON, marked with its format so a value some other
// code left under the same key is recognised as foreign rather than misread.

const FORMAT = 'runlens.runIndex';
const VERSION = 1;

interface SnapshotV1 {
  format: typeof FORMAT;
  version: typeof VERSION;
  /** In recording order. */
  runs: StoredRun[];
}

export function encodeSnapshot(runs: StoredRun[]): string {
  const snapshot: SnapshotV1 = { format: FORMAT, version: VERSION, runs };
  return JSON.stringify(snapshot);
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

function isStoredRun(value: unknown): value is StoredRun {
  if (typeof value !== 'object' || value === null) return false;
  const run = value as Record<string, unknown>;
  return (
    isNonEmptyString(run.runId) &&
    isNonEmptyString(run.conversationId) &&
    typeof run.createdAt === 'number' &&
    Number.isFinite(run.createdAt) &&
    Array.isArray(run.responseIds) &&
    run.responseIds[0] === run.runId &&
    run.responseIds.every(isNonEmptyString)
  );
}

/**
 * The runs of a stored snapshot, or `undefined` when `raw` is not one this version wrote: not
 * JSON, another format or version, or runs that break the index's rules (a response id in two
 * chains). Such a value is never read in part.
 */
export function decodeSnapshot(raw: string): StoredRun[] | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { format, version, runs } = value as Partial<Record<keyof SnapshotV1, unknown>>;
  if (format !== FORMAT || version !== VERSION || !Array.isArray(runs) || !runs.every(isStoredRun)) return undefined;
  const responseIds = runs.flatMap((run) => run.responseIds);
  if (new Set(responseIds).size !== responseIds.length) return undefined;
  return runs;
}
