import { printTable, verdict, type Row } from './report';
import { printCutTable, type CutRow } from './stream-cut';

/** The Responses table, its verdicts against the SDK's loop in the same run, and the stream-cut rows. */
export function reportResponses(rows: Row[], cutRows: CutRow[], { resolutionMs, streamTargetP95Ms }: { resolutionMs: number; streamTargetP95Ms: number }): void {
  printTable(
    "Backend 1 on the Responses API: the same emulator (sends openai-poll-after-ms), the run a chain of two background responses; timings exact (the emulator's jitter is the Assistants runs' only)",
    rows,
  );
  const byName = (name: string): Row => rows.find((r) => r.name.startsWith(name))!;
  const [ours, sdk, fixed1, streamed] = [byName('runlens policy'), byName('SDK'), byName('fixed 1 s'), byName('runlens stream')];
  console.log('\nOn the Responses API, with the hint:');
  const stalenessMet = ours.p50 <= sdk.p50 + resolutionMs && ours.p95 <= sdk.p95 + resolutionMs;
  console.log(`- staleness no worse than the SDK's retrieve loop (±${resolutionMs} ms): ${verdict(stalenessMet)} (${ours.p50.toFixed(0)}/${ours.p95.toFixed(0)} vs ${sdk.p50.toFixed(0)}/${sdk.p95.toFixed(0)} ms)`);
  console.log(`- requests no more than the SDK's retrieve loop: ${verdict(ours.total <= sdk.total)} (${ours.total.toFixed(1)} vs ${sdk.total.toFixed(1)}; the fixed 1 s loop ${fixed1.total.toFixed(1)})`);
  console.log(`- streaming staleness p95 ≤ ${streamTargetP95Ms} ms: ${verdict(streamed.p95 <= streamTargetP95Ms)} (p50 ${streamed.p50.toFixed(0)}, p95 ${streamed.p95.toFixed(0)} ms; ${streamed.total.toFixed(1)} requests)`);

  printCutTable("A Responses stream cut mid-run: the runlens stream's submit stream, cut by a proxy at its first text delta (dropped); the follower shows the run's status and its message's text", cutRows);
  const [resumed, fallenBack] = cutRows;
  if (resumed && fallenBack) {
    console.log(
      `\n(cut → next change shown: resumed p50 ${resumed.p50.toFixed(0)} ms over ${resumed.measured} cuts, fallen back p50 ${fallenBack.p50.toFixed(0)} ms over ${fallenBack.measured}; ` +
        `after the cut the message's text changed ${resumed.textUpdates.toFixed(1)} vs ${fallenBack.textUpdates.toFixed(1)} times on screen, for ${resumed.requests.toFixed(1)} vs ${fallenBack.requests.toFixed(1)} requests. ` +
        'The follower stops at the run\'s end, so a text polling had not caught up with by then is not counted.)',
    );
  }
}
