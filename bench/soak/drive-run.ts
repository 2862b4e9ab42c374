// One run of the soak, as a person handles it in the inspector, with the emulator's clock moved
// just far enough for each step (scenario timings in src/emulator/README.md: queued 0.5 s, a step
// about 1 s, cancelled 0.5 s after cancelling).
import { answerToolCalls, cancelRun, startRun, waitForStatus } from './inspector-driver';
import type { SoakEmulator } from './soak-emulator';

/** What a person does with each run, in turn: answer it, let it finish, cancel it while it waits for outputs, cancel it mid-answer. */
export const runKinds = ['answered', 'message', 'cancelled-waiting', 'cancelled-running'] as const;
export type RunKind = (typeof runKinds)[number];

const scenarioOf: Record<RunKind, string> = {
  answered: 'function_call',
  message: 'message',
  'cancelled-waiting': 'function_call',
  'cancelled-running': 'slow',
};
/** The emulator time one run takes at most, start to terminal. */
export const RUN_MAX_MS = 5_500;

export interface RunDeps {
  emulator: SoakEmulator;
  advance(ms: number): Promise<void>;
}

/** Starts a run of `kind` on the shown thread and takes it to its end; resolves with the status shown then. */
export async function driveRun({ emulator, advance }: RunDeps, threadId: string, kind: RunKind): Promise<string> {
  const runId = await startRun(emulator.assistants[scenarioOf[kind]]!);
  // Cancelling shows at once (optimistic): time moves only once the emulator has the cancel, as it would.
  const cancelLanded = () => emulator.answered(`/v1/threads/${threadId}/runs/${runId}/cancel`);
  if (kind === 'message') {
    await advance(3_000);
  } else if (kind === 'cancelled-running') {
    await advance(1_500);
    await waitForStatus(runId, ['in_progress']);
    await cancelRun(runId);
    await cancelLanded();
    await advance(1_000);
  } else {
    await advance(2_500);
    await waitForStatus(runId, ['requires_action']);
    if (kind === 'answered') {
      await answerToolCalls(runId);
    } else {
      await cancelRun(runId);
      await cancelLanded();
    }
    await advance(3_000);
  }
  return waitForStatus(runId, ['completed', 'cancelled']);
}
