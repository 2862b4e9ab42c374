import { replaceEqualDeep, type InfiniteData } from '@tanstack/query-core';
import type { ListPage, Run, RunStep } from '../api/schemas/index.js';
import { nextPollInterval, type PollingTuning } from './polling.js';
import { pollObservationOf } from './run-poll-meta.js';
import { isStepFinal, isTerminalRun } from './run-state.js';

/*
 * A steps page remembers the run as the cache held it when the page was fetched. Steps are final
 * before their run is, so a page fetched while the run was already terminal is the last word:
 * after it, and only after it, the steps query can go quiet (one fetch after the run ends picks
 * up the last step). Kept in a WeakMap beside the page, like the run's poll hint.
 */
interface StepsPageContext {
  run: Run | undefined;
  fetchOrder: number;
}

const pageContext = new WeakMap<object, StepsPageContext>();
let fetchCounter = 0;

export function rememberRunForStepsPage<P extends object>(page: P, run: Run | undefined): P {
  pageContext.set(page, { run, fetchOrder: ++fetchCounter });
  return page;
}

/**
 * A list written by hand (a stream event replacing a step) gets new page objects: they keep the
 * context of the pages they replace, position by position.
 */
export function carryStepsPageContext(previous: InfiniteData<object>, next: InfiniteData<object>): void {
  next.pages.forEach((page, index) => {
    const before = previous.pages[index];
    const context = before ? pageContext.get(before) : undefined;
    if (context && page !== before && !pageContext.has(page)) pageContext.set(page, context);
  });
}

/** `structuralSharing` for step lists: deep sharing, with each page's context moved to the kept page. */
export function shareStepsKeepingContext(previous: unknown, next: unknown): unknown {
  const kept = replaceEqualDeep(previous, next) as InfiniteData<object> | undefined;
  const incoming = next as InfiniteData<object> | undefined;
  if (!Array.isArray(incoming?.pages)) return kept;
  incoming.pages.forEach((page, index) => {
    const keptPage = kept?.pages[index];
    const context = pageContext.get(page);
    if (keptPage && keptPage !== page && context) pageContext.set(keptPage, context);
  });
  return kept;
}

/** The run as seen by the most recent page fetch. */
function latestRunSeen(pages: object[]): { known: boolean; run: Run | undefined } {
  let latest: StepsPageContext | undefined;
  for (const page of pages) {
    const context = pageContext.get(page);
    if (context && (!latest || context.fetchOrder > latest.fetchOrder)) latest = context;
  }
  return { known: latest !== undefined, run: latest?.run };
}

/**
 * Step-list polling: while the run can still move, at the run's own pace; after it ended, quickly
 * while any step is still `in_progress`; then `false`.
 */
export function nextStepsPollInterval(
  data: InfiniteData<ListPage<RunStep>> | undefined,
  tuning: PollingTuning,
): number | false {
  if (!data) return false;
  const { run } = latestRunSeen(data.pages);
  const steps = data.pages.flatMap((page) => page.data);
  if (isTerminalRun(run)) return steps.every(isStepFinal) ? false : tuning.minIntervalMs;
  if (!run) return tuning.maxIntervalMs;
  return nextPollInterval(run, pollObservationOf(run), tuning) || tuning.minIntervalMs;
}
