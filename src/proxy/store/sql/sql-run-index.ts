import type { ListParams } from '../../../api/client.js';
import type { RunIdPage, RunIndex, RunRecord } from '../../../backends/responses/run-index/run-index.js';
import { checkListParams, checkRecord, checkResponseId } from './checks.js';
import type { SqlDatabase, SqlQueryable } from './database.js';

// The RunIndex contract on Postgres. Every rule a concurrent writer could break is a key: a run id
// is recorded once (runs' primary key), a response belongs to one run (responses' primary key).
// Writes insert with ON CONFLICT DO NOTHING and then read what won, so a retried or concurrent
// record of the same run is a no-op, and a real clash gets the memory index's error.

interface RunRow {
  run_id: string;
  conversation_id: string;
  created_at: number;
}

interface CursorRow {
  run_id: string;
  created_at: number;
  seq: string;
}

/** Thrown inside a transaction when a row it saw vanished under it (a concurrent forgetRun): run it again. */
class ConcurrentChange extends Error {}

async function inTransaction<T>(database: SqlDatabase, work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await database.transaction(work);
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt === 3) throw error;
    }
  }
}

const toRecord = (row: RunRow): RunRecord => ({ runId: row.run_id, conversationId: row.conversation_id, createdAt: Number(row.created_at) });

/** A `RunIndex` over the tables migration 1 created in `schema`. */
export function createSqlRunIndex(database: SqlDatabase, schema: string): RunIndex {
  const runs = `"${schema}".runlens_runs`;
  const responses = `"${schema}".runlens_responses`;

  const runOfResponse = async (tx: SqlQueryable, responseId: string): Promise<string | undefined> =>
    (await tx.query<{ run_id: string }>(`SELECT run_id FROM ${responses} WHERE response_id = $1`, [responseId])).rows[0]?.run_id;

  return {
    async recordRun(run) {
      checkRecord(run);
      const { runId, conversationId, createdAt } = run;
      await inTransaction(database, async (tx) => {
        const inserted = await tx.query(
          `INSERT INTO ${runs} (run_id, conversation_id, created_at) VALUES ($1, $2, $3) ON CONFLICT (run_id) DO NOTHING RETURNING run_id`,
          [runId, conversationId, createdAt],
        );
        if (inserted.rows.length === 0) {
          const { rows } = await tx.query<{ conversation_id: string }>(`SELECT conversation_id FROM ${runs} WHERE run_id = $1`, [runId]);
          const recordedIn = rows[0]?.conversation_id;
          if (recordedIn === undefined) throw new ConcurrentChange();
          if (recordedIn === conversationId) return;
          throw new Error(`Run '${runId}' is already recorded in conversation '${recordedIn}'.`);
        }
        const chained = await tx.query(
          `INSERT INTO ${responses} (response_id, run_id) VALUES ($1, $1) ON CONFLICT (response_id) DO NOTHING RETURNING response_id`,
          [runId],
        );
        if (chained.rows.length === 0) {
          const owner = await runOfResponse(tx, runId);
          if (owner === undefined) throw new ConcurrentChange();
          throw new Error(`'${runId}' is already a response of run '${owner}'.`); // rolls the run back
        }
      });
    },

    async appendResponse(runId, responseId) {
      await inTransaction(database, async (tx) => {
        // FOR SHARE: a concurrent forgetRun waits for this append rather than orphaning it.
        const { rows } = await tx.query(`SELECT run_id FROM ${runs} WHERE run_id = $1 FOR SHARE`, [runId]);
        if (rows.length === 0) throw new Error(`No run '${runId}' in the index: record it before appending responses.`);
        checkResponseId(responseId);
        const inserted = await tx.query(
          `INSERT INTO ${responses} (response_id, run_id) VALUES ($1, $2) ON CONFLICT (response_id) DO NOTHING RETURNING response_id`,
          [responseId, runId],
        );
        if (inserted.rows.length > 0) return;
        const owner = await runOfResponse(tx, responseId);
        if (owner === runId) return;
        if (owner === undefined) throw new ConcurrentChange();
        throw new Error(`Response '${responseId}' already belongs to run '${owner}'.`);
      });
    },

    async getChain(runId) {
      const { rows } = await database.query<{ response_id: string | null }>(
        `SELECT p.response_id FROM ${runs} r LEFT JOIN ${responses} p ON p.run_id = r.run_id
         WHERE r.run_id = $1 ORDER BY p.response_id = r.run_id DESC, p.seq`,
        [runId],
      );
      if (rows.length === 0) return undefined;
      return rows.flatMap((row) => (row.response_id === null ? [] : [row.response_id]));
    },

    async findRunByResponse(responseId) {
      const { rows } = await database.query<RunRow>(
        `SELECT r.run_id, r.conversation_id, r.created_at FROM ${responses} p JOIN ${runs} r ON r.run_id = p.run_id WHERE p.response_id = $1`,
        [responseId],
      );
      return rows[0] && toRecord(rows[0]);
    },

    async listRuns(conversationId, params: ListParams = {}): Promise<RunIdPage> {
      const { limit, order } = checkListParams(params);
      const { after, before } = params;
      const cursorIds = [after, before].filter((id): id is string => id !== undefined);
      const cursors = new Map<string, CursorRow>();
      if (cursorIds.length > 0) {
        const { rows } = await database.query<CursorRow>(
          `SELECT run_id, created_at, seq::text AS seq FROM ${runs} WHERE conversation_id = $1 AND run_id = ANY($2::text[])`,
          [conversationId, cursorIds.map(String)],
        );
        for (const row of rows) cursors.set(row.run_id, row);
      }
      const cursor = (param: 'after' | 'before', id: string | undefined): CursorRow | undefined => {
        if (id === undefined) return undefined;
        const row = cursors.get(id);
        if (!row) throw new RangeError(`Invalid '${param}': no run with id '${id}' in conversation '${conversationId}'.`);
        return row;
      };
      const afterRow = cursor('after', after);
      const beforeRow = cursor('before', before);

      // Cursors are (created_at, seq) keys, so runs recorded while paging never shift a page.
      // In the desc view "after" means an older key; `before` alone reads the page backwards.
      const values: unknown[] = [conversationId];
      const conditions = ['conversation_id = $1'];
      const bound = (row: CursorRow, comparison: '<' | '>') => {
        values.push(row.created_at, row.seq);
        conditions.push(`(created_at, seq) ${comparison} ($${values.length - 1}::double precision, $${values.length}::bigint)`);
      };
      if (afterRow) bound(afterRow, order === 'asc' ? '>' : '<');
      if (beforeRow) bound(beforeRow, order === 'asc' ? '<' : '>');
      const forwards = beforeRow === undefined || afterRow !== undefined;
      const direction = (order === 'asc') === forwards ? 'ASC' : 'DESC';
      values.push(limit + 1);
      const { rows } = await database.query<{ run_id: string }>(
        `SELECT run_id FROM ${runs} WHERE ${conditions.join(' AND ')}
         ORDER BY created_at ${direction}, seq ${direction} LIMIT $${values.length}`,
        values,
      );
      const data = rows.slice(0, limit).map((row) => row.run_id);
      if (!forwards) data.reverse();
      return { object: 'list', data, first_id: data[0] ?? null, last_id: data.at(-1) ?? null, has_more: rows.length > limit };
    },

    async forgetRun(runId) {
      // The run's responses go with it (ON DELETE CASCADE), freeing their ids.
      const { rows } = await database.query(`DELETE FROM ${runs} WHERE run_id = $1 RETURNING run_id`, [runId]);
      return rows.length > 0;
    },
  };
}
