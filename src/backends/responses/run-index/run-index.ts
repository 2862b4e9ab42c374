import type { ListParams } from '../../../api/client.js';

// The Responses API lists no responses, so the Responses backend keeps its own record of which runs
// (chains of background responses) exist in which conversation. Async throughout, so a server-side
// implementation (a database, a KV store) can stand behind the same interface later.

/** A run as the index knows it. The first response's id is the run id. */
export interface RunRecord {
  runId: string;
  conversationId: string;
  /** Unix seconds: the first response's `created_at`. Runs are listed by it. */
  createdAt: number;
}

/**
 * A page of a conversation's run ids, shaped and cursored as the Assistants list is: `first_id`
 * and `last_id` are null on an empty page; `has_more` says whether more runs lie beyond the page
 * in the direction of travel.
 */
export interface RunIdPage {
  object: 'list';
  data: string[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
}

export interface RunIndex {
  /**
   * Records a new run, its chain holding the run id alone. Recording the same run in the same
   * conversation again does nothing (a retried create is safe); recording it in another
   * conversation, or under an id that already belongs to another run's chain, rejects.
   */
  recordRun(run: RunRecord): Promise<void>;

  /**
   * Appends a response (one function-call round's `previous_response_id` successor) to a run's
   * chain. Appending an id the chain already ends with or holds does nothing; an unknown run, or an
   * id that belongs to another run, rejects.
   */
  appendResponse(runId: string, responseId: string): Promise<void>;

  /** The run's response ids, oldest first (the run id first); `undefined` for an unknown run. */
  getChain(runId: string): Promise<readonly string[] | undefined>;

  /** The run whose chain holds `responseId` (a run id finds its own run); `undefined` if none. */
  findRunByResponse(responseId: string): Promise<RunRecord | undefined>;

  /**
   * One page of a conversation's run ids by `createdAt` (ties in recording order). `limit` 1–100
   * (default 20), `order` desc by default; `after` pages on from a run id, `before` returns the
   * runs just before one (the previous page), still in `order`. Runs recorded while paging do not
   * shift the pages being read: cursors are run ids, not offsets. Rejects with a `RangeError` for a
   * bad `limit` or `order`, or a cursor that is not a run of this conversation (as the API answers
   * 400 rather than an empty page, so a stale cursor is noticed).
   */
  listRuns(conversationId: string, params?: ListParams): Promise<RunIdPage>;

  /** Forgets a run and its chain. Resolves `true` if it was known. */
  forgetRun(runId: string): Promise<boolean>;
}
