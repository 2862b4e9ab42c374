// npm run bench:chaos — 1 000 seeded run lifecycles under chaos (faults, double clicks, remounts,
// hidden tabs, a second tab), each against its own emulator over HTTP, checked against the server's
// truth; the same lifecycle code as test/chaos/chaos.test.ts. Prints the totals and a replay line
// (CHAOS_SEED=<n>) for every lifecycle that broke an invariant.
// Env: CHAOS_LIFECYCLES (default 1000), CHAOS_FIRST_SEED (1), CHAOS_SEED (a list: only those),
// CHAOS_WORKERS (worker threads side by side, default 3: lifecycles in one thread run one at a time,
// because TanStack's focusManager is one per thread and a hidden tab would pause the others).
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { violationsOf } from '../test/chaos/lifecycle';
import { failingResults, failureReports, formatSummary, runChaos, seedsFromEnv, type ChaosSummary } from '../test/chaos/run';

type WorkerMessage = { type: 'progress'; seed: number; failed: boolean } | { type: 'done'; summary: ChaosSummary };

async function work(seeds: number[]): Promise<void> {
  const summary = await runChaos({
    seeds,
    onResult: (result) => parentPort!.postMessage({ type: 'progress', seed: result.plan.seed, failed: violationsOf(result).length > 0 } satisfies WorkerMessage),
  });
  parentPort!.postMessage({ type: 'done', summary } satisfies WorkerMessage);
}

function runShard(seeds: number[], onProgress: (message: Extract<WorkerMessage, { type: 'progress' }>) => void): Promise<ChaosSummary> {
  // The worker runs this very file, through tsx's loader registered first (Node does not apply the
  // main thread's loader to a worker's entry file).
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { seeds } });
  return new Promise((resolve, reject) => {
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message);
      else resolve(message.summary);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`chaos worker exited with ${code}`)));
  });
}

async function main(): Promise<void> {
  const started = performance.now();
  const seeds = seedsFromEnv(1000);
  const workers = Math.max(1, Math.min(seeds.length, Number(process.env.CHAOS_WORKERS ?? Math.min(3, availableParallelism() + 1))));
  const shards = Array.from({ length: workers }, (_, shard) => seeds.filter((_, i) => i % workers === shard));
  console.log(`\n## Chaos — ${seeds.length} run lifecycles (seeds ${seeds[0]}…${seeds.at(-1)}), ${workers} worker threads\n`);
  let done = 0;
  const failed: number[] = [];
  const summaries = await Promise.all(
    shards.map((shard) =>
      runShard(shard, ({ seed, failed: broke }) => {
        done += 1;
        if (broke) failed.push(seed);
        if (done % 50 === 0 || done === seeds.length) {
          console.log(`  ${done}/${seeds.length} lifecycles, ${failed.length} broke an invariant (${((performance.now() - started) / 1000).toFixed(0)} s)`);
        }
      }),
    ),
  );
  const summary: ChaosSummary = {
    results: summaries.flatMap((s) => s.results).sort((a, b) => a.plan.seed - b.plan.seed),
    unhandled: summaries.flatMap((s) => s.unhandled),
    wallMs: performance.now() - started,
  };
  console.log(`\n${formatSummary(summary)}\n`);
  const failing = failingResults(summary);
  console.log(`- every click settles, 0 lost tool outputs, 0 duplicates, 0 unhandled rejections, every run terminal on every screen, no bookkeeping left: ${failing.length === 0 ? 'MET' : `NOT MET (${failing.length} lifecycles; replay one with CHAOS_SEED=<n> npx vitest run --project node test/chaos)`}`);
  if (failing.length > 0) console.log(`\n${failureReports(summary)}`);
}

if (isMainThread) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
} else {
  work((workerData as { seeds: number[] }).seeds).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
