import {
  focusManager,
  InfiniteQueryObserver,
  MutationObserver,
  QueriesObserver,
  QueryClient,
  QueryObserver,
  type QueryObserverOptions,
  type QueryObserverResult,
} from '@tanstack/query-core';
import type { CreateRunParams, Run, ToolOutput } from '../../src/api/schemas';
import { cancelRunMutationOptions } from '../../src/query/mutations/cancel-run';
import { createRunMutationOptions } from '../../src/query/mutations/create-run';
import { submitToolOutputsMutationOptions } from '../../src/query/mutations/submit-tool-outputs';
import { runQueryOptions } from '../../src/query/options/run';
import { runStepsInfiniteQueryOptions } from '../../src/query/options/run-steps';
import { runsInfiniteQueryOptions, type RunsInfiniteData } from '../../src/query/options/runs';
import { flattenPages } from '../../src/query/pages';
import type { PollingTuning } from '../../src/query/polling';
import { isTerminalStatus } from '../../src/query/run-state';
import { subscribeRunStreams } from '../../src/query/stream/registry';
import type { TabSdk } from './backend';
import type { TabName } from './plan';

/*
 * A browser tab, without React: its own QueryClient and SDK, and the observers the hooks would
 * mount, built from the same factories — useRuns (the list, plus a run query per active row),
 * useRun + useRunSteps + useRunStreamStatus for the open run, and the mutation hooks.
 */

/** Short polling for the chaos runs: everything in tens of wall-clock ms. */
export function chaosPolling(now: () => number): Partial<PollingTuning> {
  return { minIntervalMs: 10, hintFloorMs: 10, maxIntervalMs: 40, requiresActionIntervalMs: 40, expiryGraceMs: 10, now, streamStallMs: 150 };
}

// focusManager is one per process: overlapping hidden windows of concurrent lifecycles are counted.
let hiddenBy = 0;
export const browserFocus = {
  hide(): void {
    hiddenBy += 1;
    focusManager.setFocused(false);
  },
  show(): void {
    hiddenBy = Math.max(0, hiddenBy - 1);
    if (hiddenBy === 0) focusManager.setFocused(true);
  },
  isHidden: (): boolean => hiddenBy > 0,
  reset(): void {
    hiddenBy = 0;
    focusManager.setFocused(undefined);
  },
};

type AnyObserver = QueryObserver<any, any, any, any, any> | InfiniteQueryObserver<any, any, any, any, any>;

/** The query stopped polling by itself (its policy says `false`): what makes a person click Retry. */
function pollingStopped(observer: AnyObserver): boolean {
  const interval = observer.options.refetchInterval;
  const query = observer.getCurrentQuery() as Parameters<Extract<typeof interval, (...args: any[]) => unknown>>[0];
  return !(typeof interval === 'function' ? interval(query) : interval);
}

export class ChaosTab {
  readonly queryClient = new QueryClient();
  retryClicks = 0;
  /** The open run's view, if any. */
  viewRunId: string | undefined;
  private readonly list: InfiniteQueryObserver<any, any, RunsInfiniteData, any, any>;
  private readonly rows: QueriesObserver;
  private readonly closers: (() => void)[] = [];
  private view: { run: QueryObserver<Run, any, Run, Run, any>; steps: AnyObserver; close: () => void } | undefined;
  private screen = new AbortController();
  private readonly erroredSince = new WeakMap<object, number>();

  constructor(
    readonly name: TabName,
    readonly sdk: TabSdk,
    readonly threadId: string,
    private readonly polling: Partial<PollingTuning>,
  ) {
    this.queryClient.mount();
    this.list = new InfiniteQueryObserver(this.queryClient, runsInfiniteQueryOptions(sdk.client, threadId));
    // useRuns: each active row's run query is observed, starting from the row.
    this.rows = new QueriesObserver(this.queryClient, []);
    const syncRows = (result: { data?: RunsInfiniteData | undefined; dataUpdatedAt: number }) => {
      const active = flattenPages(result.data).filter((run) => !isTerminalStatus(run.status));
      const queries = active.map((run) => ({
        ...runQueryOptions(sdk.client, threadId, run.id, { polling }),
        initialData: run,
        initialDataUpdatedAt: result.dataUpdatedAt,
        refetchOnMount: false,
      }));
      // QueriesObserver takes untyped options, as useQueries does inside.
      this.rows.setQueries(queries as unknown as QueryObserverOptions[]);
    };
    this.closers.push(this.list.subscribe(syncRows), this.rows.subscribe(() => undefined));
    syncRows(this.list.getCurrentResult());
  }

  /** The signal of what is on screen now: streams started from it end when it goes. */
  screenSignal = (): AbortSignal => this.screen.signal;

  /** Opens the run's view: useRun, useRunSteps (asc) and useRunStreamStatus. */
  watch(runId: string): void {
    this.closeView();
    this.viewRunId = runId;
    const run = new QueryObserver(this.queryClient, runQueryOptions(this.sdk.client, this.threadId, runId, { polling: this.polling }));
    const steps = new InfiniteQueryObserver(
      this.queryClient,
      runStepsInfiniteQueryOptions(this.sdk.client, this.threadId, runId, { order: 'asc' }, { polling: this.polling }),
    );
    const closers = [run.subscribe(() => undefined), steps.subscribe(() => undefined), subscribeRunStreams(this.queryClient, () => undefined)];
    this.view = { run, steps, close: () => closers.forEach((close) => void close()) };
  }

  /** Leaves the view: its observers go, and the streams it started are aborted (useUnmountSignal). */
  closeView(): void {
    this.view?.close();
    this.view = undefined;
    this.screen.abort();
    this.screen = new AbortController();
  }

  /** The run as the open view shows it. */
  viewedRun(): Run | undefined {
    return this.view?.run.getCurrentResult().data;
  }

  viewResult(): QueryObserverResult<Run> | undefined {
    return this.view?.run.getCurrentResult();
  }

  /** The run as the runs list shows it. */
  listedRun(runId: string): Run | undefined {
    return flattenPages(this.list.getCurrentResult().data).find((run) => run.id === runId);
  }

  listResult(): { isError: boolean; isSuccess: boolean; isFetching: boolean } {
    return this.list.getCurrentResult();
  }

  /**
   * A person glancing at the tab: a pane showing an error whose query has stopped polling gets a
   * Retry click (the only thing the harness does besides the plan's actions). Not while hidden.
   */
  look(): void {
    if (browserFocus.isHidden()) return;
    const observers: AnyObserver[] = [this.list, ...(this.view ? [this.view.run, this.view.steps] : [])];
    for (const observer of observers) {
      const result = observer.getCurrentResult();
      if (!result.isError || result.fetchStatus !== 'idle' || !pollingStopped(observer)) {
        this.erroredSince.delete(observer);
        continue;
      }
      const since = this.erroredSince.get(observer) ?? performance.now();
      this.erroredSince.set(observer, since);
      // A person reads the error for a moment before clicking.
      if (performance.now() - since < 30) continue;
      this.erroredSince.delete(observer);
      this.retryClicks += 1;
      void observer.refetch();
    }
  }

  create(params: CreateRunParams, stream: boolean): Promise<Run> {
    const options = createRunMutationOptions(this.sdk.client, this.threadId, { stream, signal: this.screenSignal, stallAfterMs: this.polling.streamStallMs });
    return new MutationObserver(this.queryClient, options).mutate(params);
  }

  submit(runId: string, toolOutputs: ToolOutput[], stream: boolean): Promise<Run> {
    const options = submitToolOutputsMutationOptions(this.sdk.client, this.threadId, runId, {
      stream,
      signal: this.screenSignal,
      stallAfterMs: this.polling.streamStallMs,
    });
    return new MutationObserver(this.queryClient, options).mutate({ tool_outputs: toolOutputs });
  }

  cancel(runId: string): Promise<Run> {
    return new MutationObserver(this.queryClient, cancelRunMutationOptions(this.sdk.client, this.threadId, runId)).mutate();
  }

  /** Sends the layer itself made (the SDK's retries not counted) of `method` to paths ending in `suffix`. */
  layerSends(method: string, suffix: RegExp): number {
    return this.sdk.sends.filter((send) => send.retry === 0 && send.method === method && suffix.test(send.path)).length;
  }

  /** Closes the tab: every observer goes, streams are aborted, then the cache is cleared. */
  close(): void {
    this.closeView();
    this.closers.splice(0).forEach((close) => void close());
    this.rows.destroy();
    this.list.destroy();
    this.queryClient.clear();
    this.queryClient.unmount();
  }
}
