import { hashKey, MutationObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import type { Message, Run } from '../../src/api/schemas/index';
import { createRunMutationOptions } from '../../src/query/mutations/create-run';
import { runlensKeys } from '../../src/query/keys';
import { messageQueryOptions } from '../../src/query/options/message';
import { percentile } from '../stats';
import { answerUntilTerminal } from '../strategies';
import { startCutProxy, type CutProxy } from './cut-proxy';
import { responsesRunsClient, weatherAssistantId, weatherQuestion } from './responses';
import { startResponsesTrial } from './responses-trial';

/*
 * The stream-cut rows: the runlens stream follows the function_call run (create and submit with
 * `stream: true`), and the submit's stream is cut mid-run by cut-proxy.ts at its first text delta
 * (the delta is dropped: it exists on the server when the cut happens). Measured from the cut to
 * the next change the follower shows (the run's status or its message's text, as useRun + useMessage
 * read them from the cache), when the client resumes (`starting_after`, its default) and when the
 * proxy refuses the resume so the query layer falls back to polling.
 */

export type CutMode = 'resumed' | 'fallen back';

export interface CutSample {
  /** Cut → the first change of what the follower shows; undefined when there was no cut or no change. */
  toNextShownMs: number | undefined;
  /** The oracle seeing the run completed → the follower showing it. */
  completedStalenessMs: number | undefined;
  /** Changes of the message's text shown after the cut (a stream shows each delta; polling what it finds). */
  textUpdatesAfterCut: number;
  requestsAfterCut: number;
  /** Re-stream requests sent (`GET …?stream=true`), answered or refused. */
  resumeRequests: number;
  finalStatus: string;
}

const textOf = (message: Message | undefined): string => (message?.content[0]?.type === 'text' ? message.content[0].text.value : '');

export async function streamCutTrial(mode: CutMode, speed: number): Promise<CutSample> {
  let cutAt: number | undefined;
  let requestsAtCut = 0;
  let proxy: CutProxy | undefined;
  const t = await startResponsesTrial(speed, {}, {
    via: async (url) =>
      (proxy = await startCutProxy(url, {
        stream: 2,
        atEvent: 'response.output_text.delta',
        refuseResume: mode === 'fallen back',
        onCut: (at) => {
          cutAt = at;
          requestsAtCut = proxy!.requests;
        },
      })),
  });
  const queryClient = new QueryClient();
  const unsubscribers: (() => void)[] = [];
  try {
    const { id: conversationId } = await t.openai.conversations.create({});
    const client = responsesRunsClient(t.openai);
    let runId = '';
    // What a screen with useRun + useMessage shows, and when it changed (cache writes are what they render).
    const shown: { state: string; text: string; at: number }[] = [];
    const messages = new Set<string>();
    let runStatus = '';
    const texts = new Map<string, string>();
    unsubscribers.push(
      queryClient.getQueryCache().subscribe((event) => {
        const key = event.query.queryKey;
        const messageId = key.at(-1);
        // A message the stream wrote gets its useMessage, as RunInspector mounts one per message step.
        if (event.type === 'added' && typeof messageId === 'string' && hashKey(runlensKeys.message(conversationId, messageId)) === event.query.queryHash) {
          messages.add(messageId);
          unsubscribers.push(new QueryObserver(queryClient, messageQueryOptions(client, conversationId, messageId)).subscribe(() => undefined));
        }
        if (event.type !== 'updated' || !runId) return;
        // Read from the event, not the cache: the follower clears the cache as soon as it sees the end.
        if (event.query.queryHash === hashKey(runlensKeys.run(conversationId, runId))) runStatus = (event.query.state.data as Run | undefined)?.status ?? runStatus;
        if (typeof messageId === 'string' && messages.has(messageId)) texts.set(messageId, textOf(event.query.state.data as Message | undefined));
        const text = [...texts.values()].join('\n');
        const state = `${runStatus}\n${text}`;
        if (shown.at(-1)?.state !== state) shown.push({ state, text, at: performance.now() });
      }),
    );

    const create = new MutationObserver(queryClient, createRunMutationOptions(client, conversationId, { stream: true }));
    runId = (await create.mutate({ assistant_id: weatherAssistantId, additional_messages: [weatherQuestion] })).id;
    const stop = t.watch();
    const finalStatus = await answerUntilTerminal(queryClient, client, conversationId, runId, { stream: true });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const oracle = stop();

    const afterCut = cutAt === undefined ? [] : shown.filter((change) => change.at > cutAt!);
    const completedAt = oracle.find((s) => s.status === 'completed')?.at;
    const completedShownAt = shown.find((change) => change.state.startsWith('completed\n'))?.at;
    return {
      toNextShownMs: cutAt === undefined || afterCut[0] === undefined ? undefined : afterCut[0].at - cutAt,
      completedStalenessMs: completedAt === undefined || completedShownAt === undefined ? undefined : Math.max(0, completedShownAt - completedAt),
      textUpdatesAfterCut: shown.filter((change, i) => cutAt !== undefined && change.at > cutAt && change.text !== shown[i - 1]?.text).length,
      // Counted at the proxy: a refused re-stream never reaches the emulator.
      requestsAfterCut: cutAt === undefined ? 0 : proxy!.requests - requestsAtCut,
      resumeRequests: proxy!.reStreams,
      finalStatus,
    };
  } finally {
    for (const unsubscribe of unsubscribers) unsubscribe();
    queryClient.clear();
    await t.close();
  }
}

export interface CutRow {
  name: string;
  samples: number;
  /** Trials where the cut happened and something was shown after it. */
  measured: number;
  p50: number;
  p95: number;
  completedP50: number;
  completedP95: number;
  textUpdates: number;
  requests: number;
  resumeRequests: number;
  finals: string;
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const defined = (values: (number | undefined)[]): number[] => values.filter((v): v is number => v !== undefined);

export function summarizeCut(name: string, samples: CutSample[]): CutRow {
  const toNext = defined(samples.map((s) => s.toNextShownMs));
  const completed = defined(samples.map((s) => s.completedStalenessMs));
  return {
    name,
    samples: samples.length,
    measured: toNext.length,
    p50: percentile(toNext, 50),
    p95: percentile(toNext, 95),
    completedP50: percentile(completed, 50),
    completedP95: percentile(completed, 95),
    textUpdates: mean(samples.map((s) => s.textUpdatesAfterCut)),
    requests: mean(samples.map((s) => s.requestsAfterCut)),
    resumeRequests: mean(samples.map((s) => s.resumeRequests)),
    finals: [...new Set(samples.map((s) => s.finalStatus))].join(', '),
  };
}

export function printCutTable(title: string, rows: CutRow[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| after the cut | cut → next change shown p50 (ms) | p95 (ms) | samples (measured) | run completed: staleness p50 / p95 (ms) | text updates shown after the cut | requests after the cut (re-stream requests) | final |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.samples} (${r.measured}) | ${r.completedP50.toFixed(0)} / ${r.completedP95.toFixed(0)} | ${r.textUpdates.toFixed(1)} | ${r.requests.toFixed(1)} (${r.resumeRequests.toFixed(1)}) | ${r.finals} |`,
    );
  }
}
