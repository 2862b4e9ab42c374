import type { PollingTuning } from '../polling.js';

/** Options every query factory accepts beyond its ids. */
export interface RunlensQueryConfig {
  /** Polling knobs; RunsProvider passes its own. */
  polling?: Partial<PollingTuning>;
}

/*
 * No query-level retries. Transport retries belong to the RunsClient: the OpenAI SDK already
 * retries connection errors, 408/409/429 and 5xx with back-off and `retry-after`, so a query
 * retry on top would multiply every failing request (SDK 3 × query 4 = 12). 4xx other than
 * those never heal. A polled query gets its "retry" from the next poll anyway (see polling.ts).
 */
export const noQueryRetry = false as const;
