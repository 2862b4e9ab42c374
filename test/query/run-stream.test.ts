import { environmentManager, InfiniteQueryObserver, MutationObserver, QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Message, Run, RunStep } from '../../src/api/schemas';
import { demoIds } from '../../src/emulator';
import { runlensKeys } from '../../src/query/keys';
import { createThreadRunMutationOptions } from '../../src/query/mutations/create-run';
import { submitToolOutputsMutationOptions } from '../../src/query/mutations/submit-tool-outputs';
import { messageQueryOptions } from '../../src/query/options/message';
import { runQueryOptions } from '../../src/query/options/run';
import { runStepsInfiniteQueryOptions } from '../../src/query/options/run-steps';
import { runsInfiniteQueryOptions } from '../../src/query/options/runs';
import type { PollingTuning } from '../../src/query/polling';
import { followRunStream } from '../../src/query/stream/follow-run-stream';
import { runStreamState } from '../../src/query/stream/registry';
import { advanceUntil, settle, startStreamingBackend, tick, type StreamingBackend } from '../support/streaming-backend';

// Streams followed into a QueryClient with live observers (what useRun / useRunSteps / useMessage
// mount), against the emulator over HTTP; broken for real by the proxy in front of it.

beforeAll(() => environmentManager.setIsServer(() => false));
afterAll(() => environmentManager.setIsServer(() => typeof window === 'undefined'));

const { assistants } = demoIds;
const unsubscribers: (() => void)[] = [];
afterEach(() => unsubscribers.splice(0).forEach((unsubscribe) => unsubscribe()));

function polling(b: StreamingBackend, minIntervalMs = 10): Partial<PollingTuning> {
  return { minIntervalMs, hintFloorMs: minIntervalMs, maxIntervalMs: 4 * minIntervalMs, requiresActionIntervalMs: 4 * minIntervalMs, now: () => b.clock.now() };
}

async function setup(minIntervalMs?: number) {
  const b = await startStreamingBackend();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const threadId = (await b.openai.beta.threads.create({})).id;
  return { b, queryClient, threadId, tuning: { polling: polling(b, minIntervalMs) } };
}

/** Mounts what a run view shows: the run and its steps (asc), live. */
function watchRun({ b, queryClient, tuning }: Awaited<ReturnType<typeof setup>>, threadId: string, runId: string) {
  const run = new QueryObserver(queryClient, runQueryOptions(b.client, threadId, runId, tuning));
  const steps = new InfiniteQueryObserver(queryClient, runStepsInfiniteQueryOptions(b.client, threadId, runId, { order: 'asc' }, tuning));
  unsubscribers.push(run.subscribe(() => undefined), steps.subscribe(() => undefined));
  return {
    loaded: () => run.getCurrentResult().isSuccess && steps.getCurrentResult().isSuccess,
    run: () => run.getCurrentResult().data,
    steps: () => steps.getCurrentResult().data?.pages.flatMap((page) => page.data) ?? [],
  };
}

const messageIdOf = (steps: RunStep[]) =>
  steps.flatMap((step) => (step.step_details.type === 'message_creation' ? [step.step_details.message_creation.message_id] : []))[0];

/** The cache equals what a fresh GET of the run, its steps and its message returns. */
async function expectCacheEqualsBackend(s: Awaited<ReturnType<typeof setup>>, threadId: string, view: ReturnType<typeof watchRun>) {
  const run = view.run()!;
  expect(run).toEqual((await s.b.client.getRun(threadId, run.id)).run);
  expect(view.steps()).toEqual((await s.b.client.listRunSteps(threadId, run.id, { order: 'asc' })).data);
  const messageId = messageIdOf(view.steps())!;
  expect(s.queryClient.getQueryData<Message>(runlensKeys.message(threadId, messageId))).toEqual(await s.b.client.getMessage(threadId, messageId));
}

const textOf = (message: Message | undefined) => message?.content.map((part) => (part.type === 'text' ? part.text.value : '')).join('') ?? '';

describe('followRunStream', () => {
  it.each(['code_interpreter', 'file_search'] as const)('feeds a %s run into the cache (runs list too), with no request while the stream is healthy; merged objects equal GET', async (scenario) => {
    const s = await setup();
    const { b, queryClient, threadId } = s;
    const runs = new InfiniteQueryObserver(queryClient, runsInfiniteQueryOptions(b.client, threadId));
    unsubscribers.push(runs.subscribe(() => undefined));
    await settle(() => runs.getCurrentResult().isSuccess, 'the runs list');
    const run = await followRunStream(queryClient, (signal) => b.client.createRunStream(threadId, { assistant_id: assistants[scenario] }, { signal }));
    expect(run.status).toBe('queued');
    const view = watchRun(s, threadId, run.id);
    await settle(view.loaded, 'the first load');
    await tick(20);
    const mark = b.emulator.requests.length;

    // useMessage mounted once the step names its message: served by the stream, no GET.
    const texts: string[] = [];
    await advanceUntil(b.clock, () => messageIdOf(view.steps()) !== undefined, 'the message step');
    const message = new QueryObserver(queryClient, messageQueryOptions(b.client, threadId, messageIdOf(view.steps())!, s.tuning));
    unsubscribers.push(message.subscribe((result) => texts.push(textOf(result.data))));
    await advanceUntil(b.clock, () => runStreamState(queryClient, threadId, run.id)?.status === 'closed', 'the stream to close');

    expect(view.run()?.status).toBe('completed');
    expect(new Set(texts.filter(Boolean)).size).toBeGreaterThan(2); // the text grew delta by delta
    await tick(50);
    expect(b.gets(threadId, mark)).toEqual([]);
    await expectCacheEqualsBackend(s, threadId, view);
    const toolStep = view.steps()[0]!;
    expect(toolStep).toEqual(await b.client.getRunStep(threadId, run.id, toolStep.id));
    expect(runs.getCurrentResult().data?.pages[0]?.data).toEqual([view.run()]);
  });

  it('streams create-thread-and-run to requires_action (arguments merged by index), polls while waiting, then the submit stream finishes it', async () => {
    const s = await setup(20);
    const { b, queryClient } = s;
    const create = new MutationObserver(queryClient, createThreadRunMutationOptions(b.client, { stream: true }));
    const run = await create.mutate({ assistant_id: assistants.function_call, metadata: { 'emulator.parallel': '2' } });
    const view = watchRun(s, run.thread_id, run.id);
    await advanceUntil(b.clock, () => view.run()?.status === 'requires_action', 'requires_action');
    await settle(() => runStreamState(queryClient, run.thread_id, run.id)?.status === 'closed', 'the first stream to close');
    const [toolStep] = view.steps();
    expect(toolStep).toEqual(await b.client.getRunStep(run.thread_id, run.id, toolStep!.id));
    expect(toolStep?.step_details.type === 'tool_calls' && toolStep.step_details.tool_calls).toHaveLength(2);

    const closedAt = b.emulator.requests.length;
    await settle(() => b.gets(run.thread_id, closedAt).some((r) => r.path.endsWith(`/runs/${run.id}`)), 'polling to resume');

    const waiting = view.run() as Run;
    const outputs = (waiting.required_action?.submit_tool_outputs.tool_calls ?? []).map((call) => ({ tool_call_id: String(call.id), output: '21' }));
    const submit = new MutationObserver(queryClient, submitToolOutputsMutationOptions(b.client, run.thread_id, run.id, { stream: true }));
    expect((await submit.mutate({ tool_outputs: outputs })).status).toBe('queued');
    await tick(30);
    const mark = b.emulator.requests.length;
    await advanceUntil(b.clock, () => runStreamState(queryClient, run.thread_id, run.id)?.status === 'closed', 'the submit stream to close');
    expect(b.gets(run.thread_id, mark)).toEqual([]);
    await expectCacheEqualsBackend(s, run.thread_id, view);
  });

  it.each(['cut', 'error'] as const)('a stream broken mid-message (%s) hands the run to polling: one refetch, nothing twice', async (kind) => {
    const s = await setup(250); // slow polling, so the one refetch at the break stands apart from polls
    const { b, queryClient, threadId } = s;
    b.proxy.arm({ kind, afterFrames: 9 }); // created, queued, in_progress, step ×2, message ×2, 2 text deltas
    const run = await followRunStream(queryClient, (signal) => b.client.createRunStream(threadId, { assistant_id: assistants.message }, { signal }));
    const view = watchRun(s, threadId, run.id);
    await settle(view.loaded, 'the first load');
    await advanceUntil(b.clock, () => messageIdOf(view.steps()) !== undefined, 'the message step', 50);
    const messages: Message[] = [];
    const message = new QueryObserver(queryClient, messageQueryOptions(b.client, threadId, messageIdOf(view.steps())!, s.tuning));
    unsubscribers.push(message.subscribe(({ data }) => data && messages.push(data)));

    await advanceUntil(b.clock, () => runStreamState(queryClient, threadId, run.id)?.status === 'broken', 'the break', 50);
    const brokeAt = b.emulator.requests.length;
    const refetched = () => b.gets(threadId, brokeAt).map((r) => r.path.split(`/threads/${threadId}/`)[1]);
    await settle(() => refetched().includes(`runs/${run.id}`) && refetched().includes(`runs/${run.id}/steps`), 'the refetch');
    await tick(20);
    expect(refetched().filter((path) => path === `runs/${run.id}`)).toHaveLength(1);
    expect(refetched().filter((path) => path === `runs/${run.id}/steps`)).toHaveLength(1);
    if (kind === 'error') expect(runStreamState(queryClient, threadId, run.id)?.error?.message).toMatch(/error while streaming/);

    await advanceUntil(b.clock, () => view.run()?.status === 'completed' && view.steps()[0]?.status === 'completed', 'polling to see the end', 100, 3_000);
    await settle(() => textOf(messages.at(-1)).length > 0 && messages.at(-1)?.status === 'completed', 'the message refetch');
    const final = await b.client.getMessage(threadId, messageIdOf(view.steps())!);
    // Every text the cache ever held is a prefix of the final one: no delta was applied twice.
    for (const seen of messages) expect(textOf(final).startsWith(textOf(seen))).toBe(true);
    await expectCacheEqualsBackend(s, threadId, view);
  });
});
