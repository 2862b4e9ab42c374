// npm run bench:polling — one function_call lifecycle (queued → in_progress → requires_action →
// outputs → queued → in_progress → completed, two steps) on a real-time emulator over HTTP, followed
// by every strategy, each against its own fresh emulator, concurrently; repeated. Two backends in
// the same run: the emulator as it ships (it sends `openai-poll-after-ms`), and one that sends no
// hint and draws every phase's duration from a seeded lognormal (the scenarios' round timings
// flatter fixed loops). Within a round every strategy faces the same seed, hence the same timings.
// In the same rounds, the Responses API (bench/polling/responses.ts): the same lifecycle as a chain
// of background responses, runlens over createResponsesRunsClient beside the SDK's retrieve loop;
// and a Responses stream cut mid-run, resumed vs fallen back to polling (bench/polling/stream-cut.ts).
// Env: BENCH_SPEED (emulator ms per real ms, default 0.2), BENCH_REPEATS (default 5),
// BENCH_JITTER (the lognormal's sigma, default 0.25: each phase ×0.6–1.6 at ±2 sigma).
import type { Backend } from './harness';
import { functionCallAssistant, stalenessMs, startTrial, type Sighting } from './harness';
import { printTable, summarize, verdict, type Row, type Sample } from './polling/report';
import { fixedLoop, runlensPolicy, runlensSession, runlensStream, sdkPoll, type Strategy, type StreamStrategy } from './strategies';
import { createPhaseTimes } from '../src/query/phase-times';
import { responsesPolicy, responsesStream, responsesTrial, sdkRetrieveLoop, type ResponsesStrategy } from './polling/responses';
import { reportResponses } from './polling/responses-report';
import { streamCutTrial, summarizeCut, type CutMode, type CutSample } from './polling/stream-cut';

/*
 * Why speed 0.2 by default: the emulator's timings are compressed for demos (0.5 s in the queue,
 * 1 s per step). At 0.2 a run queues ~2.5 s and spends ~5 s per step, nearer what an Assistants
 * run took, and both backends' rounds fit in about two minutes; at speed 1 the whole lifecycle
 * lasts 3 s and a 1-second loop is close to optimal anyway. Why sigma 0.25: enough jitter that no
 * transition lands on a loop's beat; BENCH_JITTER=0.5 is the harsher spread (see the README).
 */
const speed = Number(process.env.BENCH_SPEED ?? 0.2);
const repeats = Number(process.env.BENCH_REPEATS ?? 5);
const sigma = Number(process.env.BENCH_JITTER ?? 0.25);
/** The oracle reads every 10 ms: differences below that are noise. */
const resolutionMs = 10;
/** What a stream should achieve on loopback: every transition on screen within this. */
const streamTargetP95Ms = 50;

type Follow = { kind: 'poll'; follow: Strategy } | { kind: 'stream'; follow: StreamStrategy };
const poll = (follow: Strategy): Follow => ({ kind: 'poll', follow });

const hinted: Backend = {};
const noHint = (seed: number): Backend => ({ pollHints: false, timingJitter: { sigma, seed } });
// One app session on the no-hint backend: its runs share what they learn (one lifecycle of warm-up, not counted).
const session = createPhaseTimes();

const fixedRows: [string, Follow][] = [
  ['fixed 0.5 s loop', poll(fixedLoop(500))],
  ['fixed 1 s loop', poll(fixedLoop(1000))],
  ['fixed 2 s loop', poll(fixedLoop(2000))],
];
const hintedRows: [string, Follow][] = [
  ['runlens policy (useRun: runQueryOptions + QueryObserver)', poll(runlensPolicy)],
  ['SDK runs.poll (default)', poll(sdkPoll)],
  ...fixedRows,
  ['runlens stream (create + submit with stream: true, useRun on the cache)', { kind: 'stream', follow: runlensStream }],
];
const noHintRows: [string, Follow][] = [
  ['runlens policy, a fresh client per run (learns within the run only)', poll(runlensPolicy)],
  ['runlens policy, one session (learns across runs; 1 run of warm-up)', poll(runlensSession(session))],
  ['SDK runs.poll (default: 5 s without a hint)', poll(sdkPoll)],
  ...fixedRows,
];

const responsesRows: [string, ResponsesStrategy][] = [
  ['runlens policy (useRun: runQueryOptions + QueryObserver over createResponsesRunsClient)', responsesPolicy],
  ["SDK responses.retrieve loop (no responses.poll in openai 7.57: its runs.poll rule, openai-poll-after-ms else 5 s)", sdkRetrieveLoop()],
  ['fixed 1 s loop (responses.retrieve)', sdkRetrieveLoop(1000)],
  ['runlens stream (create + submit with stream: true through the Responses client, useRun on the cache)', responsesStream],
];
const cutModes: [string, CutMode][] = [
  ["resumed (the client's starting_after resume, its default)", 'resumed'],
  ['fallen back to polling (the proxy refuses the re-stream: 400)', 'fallen back'],
];

async function trial(strategy: Follow, trialSpeed: number, backend: Backend): Promise<Sample> {
  const t = await startTrial(trialSpeed, backend);
  try {
    const thread = await t.openai.beta.threads.create({});
    let stop: () => Sighting[] = () => [];
    let started = performance.now();
    let finalStatus: string;
    if (strategy.kind === 'poll') {
      const run = await t.openai.beta.threads.runs.create(thread.id, { assistant_id: functionCallAssistant });
      stop = t.watch(thread.id, run.id);
      started = performance.now();
      finalStatus = await strategy.follow(t.openai, thread.id, run.id);
    } else {
      finalStatus = await strategy.follow({
        openai: t.openai,
        threadId: thread.id,
        assistantId: functionCallAssistant,
        onRun: (runId) => (stop = t.watch(thread.id, runId)),
      });
    }
    const wallMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 3 * resolutionMs));
    const oracle = stop();
    return { staleness: stalenessMs(oracle, t.clientSightings), ...t.clientRequests(), wallMs, finalStatus };
  } finally {
    await t.close();
  }
}

const byName = (rows: Row[], name: string): Row => rows.find((r) => r.name.startsWith(name))!;

async function main(): Promise<void> {
  const hintedSamples = hintedRows.map((): Sample[] => []);
  const noHintSamples = noHintRows.map((): Sample[] => []);
  const responsesSamples = responsesRows.map((): Sample[] => []);
  const cutSamples = cutModes.map((): CutSample[] => []);
  const started = performance.now();
  // Warm-up, not counted: JIT and schema setup at speed 1, and the session's first run at bench speed.
  await Promise.all([
    ...hintedRows.map(([, strategy]) => trial(strategy, 1, hinted)),
    trial(noHintRows[1]![1], speed, noHint(1_000)),
    ...responsesRows.map(([, strategy]) => responsesTrial(strategy, 1)),
    ...cutModes.map(([, mode]) => streamCutTrial(mode, 1)),
  ]);
  for (let round = 0; round < repeats; round++) {
    const [a, b, c, d] = await Promise.all([
      Promise.all(hintedRows.map(([, strategy]) => trial(strategy, speed, hinted))),
      Promise.all(noHintRows.map(([, strategy]) => trial(strategy, speed, noHint(round + 1)))),
      Promise.all(responsesRows.map(([, strategy]) => responsesTrial(strategy, speed, hinted))),
      Promise.all(cutModes.map(([, mode]) => streamCutTrial(mode, speed))),
    ]);
    a.forEach((sample, i) => hintedSamples[i]!.push(sample));
    b.forEach((sample, i) => noHintSamples[i]!.push(sample));
    c.forEach((sample, i) => responsesSamples[i]!.push(sample));
    d.forEach((sample, i) => cutSamples[i]!.push(sample));
  }
  const withHint = hintedRows.map(([name], i) => summarize(name, hintedSamples[i]!));
  const withoutHint = noHintRows.map(([name], i) => summarize(name, noHintSamples[i]!));

  console.log(`\n## Polling benchmark — function_call lifecycle, emulator speed ${speed}, ${repeats} lifecycles per row`);
  printTable('Backend 1: the emulator as it ships (sends openai-poll-after-ms; the scenarios\' timings)', withHint);
  printTable(`Backend 2: no poll hint, each phase's duration × lognormal(sigma ${sigma}), seeded per round`, withoutHint);

  const [ours, sdk, fixed1, streamed] = [byName(withHint, 'runlens policy'), byName(withHint, 'SDK'), byName(withHint, 'fixed 1 s'), byName(withHint, 'runlens stream')];
  console.log('\nWith the hint:');
  const stalenessMet = ours.p50 <= sdk.p50 + resolutionMs && ours.p95 <= sdk.p95 + resolutionMs;
  console.log(`- staleness no worse than the SDK's poll (±${resolutionMs} ms): ${verdict(stalenessMet)} (${ours.p50.toFixed(0)}/${ours.p95.toFixed(0)} vs ${sdk.p50.toFixed(0)}/${sdk.p95.toFixed(0)} ms)`);
  console.log(`- 8–9 requests per lifecycle and p95 ≤ 20 ms: ${verdict(ours.total <= 9 && ours.p95 <= 20)} (${ours.total.toFixed(1)} requests, p95 ${ours.p95.toFixed(0)} ms)`);
  console.log(`- at most 60 % of the fixed 1 s loop's requests: ${verdict(ours.total / fixed1.total <= 0.6)} (${((ours.total / fixed1.total) * 100).toFixed(0)} %)`);
  console.log(`- streaming staleness p95 ≤ ${streamTargetP95Ms} ms: ${verdict(streamed.p95 <= streamTargetP95Ms)} (p50 ${streamed.p50.toFixed(0)}, p95 ${streamed.p95.toFixed(0)} ms; ${streamed.total.toFixed(1)} requests)`);

  const fixedNoHint = byName(withoutHint, 'fixed 1 s');
  console.log('\nWithout the hint (vs the fixed 1 s loop in the same run):');
  for (const row of withoutHint.filter((r) => r.name.startsWith('runlens'))) {
    const met = row.total < fixedNoHint.total && row.p95 < fixedNoHint.p95;
    console.log(
      `- ${row.name}: fewer requests and lower p95 — ${verdict(met)} (${row.total.toFixed(1)} vs ${fixedNoHint.total.toFixed(1)} requests, p95 ${row.p95.toFixed(0)} vs ${fixedNoHint.p95.toFixed(0)} ms)`,
    );
  }

  reportResponses(
    responsesRows.map(([name], i) => summarize(name, responsesSamples[i]!)),
    cutModes.map(([name], i) => summarizeCut(name, cutSamples[i]!)),
    { resolutionMs, streamTargetP95Ms },
  );
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s; staleness = oracle sees a transition → client's first response showing it or a later status (for the stream: the event carrying it); the oracle reads the run in-process every ${resolutionMs} ms and is not counted)`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
