import type { ListParams } from '../../../api/client.js';
import { pageOf } from '../../page-of.js';
import { checkListParams, checkRecord, checkResponseId } from './run-index-checks.js';
import type { RunIdPage, RunRecord } from './run-index.js';

// The index's data and its operations, synchronous and storage-free: the memory index wraps it as
// is, the localStorage index persists its snapshot after each change.

/** One run as stored: its record and its chain of response ids, oldest first. */
export interface StoredRun extends RunRecord {
  responseIds: string[];
}

interface Entry extends StoredRun {
  /** Recording order: breaks `createdAt` ties, so runs of the same second keep a stable order. */
  seq: number;
}

function compareEntries(a: Entry, b: Entry): number {
  return a.createdAt - b.createdAt || a.seq - b.seq;
}

/** The first position in `entries` (sorted by `compareEntries`) not before `entry`. */
function lowerBound(entries: readonly Entry[], entry: Entry): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareEntries(entries[middle] as Entry, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

export type RunIndexState = ReturnType<typeof createRunIndexState>;

/** The index over `runs` (given in recording order, as `snapshot()` returns them). */
export function createRunIndexState(runs: readonly StoredRun[] = []) {
  const byRun = new Map<string, Entry>();
  const runOfResponse = new Map<string, string>();
  // Each conversation's runs, oldest first.
  const byConversation = new Map<string, Entry[]>();
  let nextSeq = 0;

  function insert(run: StoredRun): void {
    const entry: Entry = { ...run, responseIds: [...run.responseIds], seq: nextSeq++ };
    byRun.set(entry.runId, entry);
    for (const responseId of entry.responseIds) runOfResponse.set(responseId, entry.runId);
    const entries = byConversation.get(entry.conversationId) ?? [];
    entries.splice(lowerBound(entries, entry), 0, entry);
    byConversation.set(entry.conversationId, entries);
  }

  for (const run of runs) insert(run);

  return {
    /** Returns whether anything changed. */
    recordRun(run: RunRecord): boolean {
      checkRecord(run);
      const existing = byRun.get(run.runId);
      if (existing) {
        if (existing.conversationId === run.conversationId) return false;
        throw new Error(`Run '${run.runId}' is already recorded in conversation '${existing.conversationId}'.`);
      }
      const owner = runOfResponse.get(run.runId);
      if (owner !== undefined) throw new Error(`'${run.runId}' is already a response of run '${owner}'.`);
      insert({ runId: run.runId, conversationId: run.conversationId, createdAt: run.createdAt, responseIds: [run.runId] });
      return true;
    },

    /** Returns whether anything changed. */
    appendResponse(runId: string, responseId: string): boolean {
      const entry = byRun.get(runId);
      if (!entry) throw new Error(`No run '${runId}' in the index: record it before appending responses.`);
      checkResponseId(responseId);
      const owner = runOfResponse.get(responseId);
      if (owner === runId) return false;
      if (owner !== undefined) throw new Error(`Response '${responseId}' already belongs to run '${owner}'.`);
      entry.responseIds.push(responseId);
      runOfResponse.set(responseId, runId);
      return true;
    },

    getChain(runId: string): readonly string[] | undefined {
      const entry = byRun.get(runId);
      return entry ? [...entry.responseIds] : undefined;
    },

    findRunByResponse(responseId: string): RunRecord | undefined {
      const runId = runOfResponse.get(responseId);
      const entry = runId === undefined ? undefined : byRun.get(runId);
      return entry ? { runId: entry.runId, conversationId: entry.conversationId, createdAt: entry.createdAt } : undefined;
    },

    // Paged as the Assistants list pages (`pageOf`, the same cursor rules as the emulator's
    // `paginate`), `before` included; a cursor must be a run of this conversation.
    listRuns(conversationId: string, params: ListParams = {}): RunIdPage {
      const { limit, order } = checkListParams(params);
      const entries = byConversation.get(conversationId) ?? [];
      for (const [param, id] of [['after', params.after], ['before', params.before]] as const) {
        if (id !== undefined && byRun.get(id)?.conversationId !== conversationId) {
          throw new RangeError(`Invalid '${param}': no run with id '${id}' in conversation '${conversationId}'.`);
        }
      }
      const page = pageOf(entries.map((entry) => ({ id: entry.runId })), { ...params, limit, order });
      return { ...page, data: page.data.map((run) => run.id) };
    },

    /** Returns whether the run was known. */
    forgetRun(runId: string): boolean {
      const entry = byRun.get(runId);
      if (!entry) return false;
      byRun.delete(runId);
      for (const responseId of entry.responseIds) runOfResponse.delete(responseId);
      const entries = byConversation.get(entry.conversationId) ?? [];
      entries.splice(lowerBound(entries, entry), 1);
      if (entries.length === 0) byConversation.delete(entry.conversationId);
      return true;
    },

    /** Every run in recording order, chains copied: what a persisted index stores. */
    snapshot(): StoredRun[] {
      return [...byRun.values()].map(({ runId, conversationId, createdAt, responseIds }) => ({
        runId,
        conversationId,
        createdAt,
        responseIds: [...responseIds],
      }));
    },
  };
}
