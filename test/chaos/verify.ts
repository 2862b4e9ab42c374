import type { Run } from '../../src/api/schemas';
import type { Emulator } from '../../src/emulator';
import { inFlightSize } from '../../src/query/in-flight';
import { runStreamRegistrySize } from '../../src/query/stream/registry';
import type { ChaosBackend } from './backend';
import { waitFor } from './backend';
import type { Ledger } from './ledger';
import type { ChaosTab } from './tab';

/*
 * The invariants, checked against the server's truth (a clean client, faults off) and against
 * what each tab ends up showing.
 */

export interface Findings {
  lost: string[];
  duplicates: string[];
  notTerminal: string[];
  leaks: string[];
  /** The harness's own failures (e.g. a server run never ended): not the library's fault. */
  harness: string[];
  /** Allowed but worth counting: the person was told "failed" about something that happened. */
  misreported: { submits: string[]; creates: string[] };
}

export const emptyFindings = (): Findings => ({ lost: [], duplicates: [], notTerminal: [], leaks: [], harness: [], misreported: { submits: [], creates: [] } });

/** What each tab shows for each of the server's runs, as mismatch descriptions (empty: all match). */
export function screenMismatches(tabs: readonly ChaosTab[], runs: readonly Run[]): string[] {
  const mismatches: string[] = [];
  for (const tab of tabs) {
    const list = tab.listResult();
    for (const run of runs) {
      const listed = tab.listedRun(run.id);
      if (listed?.status !== run.status) {
        const shown = listed ? listed.status : list.isError ? 'an error (list failed)' : 'no row';
        mismatches.push(`tab ${tab.name}: runs list shows ${run.id} as ${shown}, server says ${run.status}`);
      }
      if (tab.viewRunId !== run.id) continue;
      const view = tab.viewResult();
      if (view?.data?.status !== run.status) {
        const shown = view?.data?.status ?? (view?.isError ? `an error (${view.error?.name})` : 'nothing');
        mismatches.push(`tab ${tab.name}: run view shows ${run.id} as ${shown}, server says ${run.status}`);
      }
    }
  }
  return mismatches;
}

/** Lost answers and duplicates, from the server's runs and steps. */
export async function checkServerTruth(backend: Pick<ChaosBackend, 'truth'>, threadId: string, runs: readonly Run[], ledger: Ledger, findings: Findings): Promise<void> {
  const byCreate = new Map<string, string[]>();
  for (const run of runs) {
    const attempt = run.metadata?.['chaos.create'] ?? '?';
    byCreate.set(attempt, [...(byCreate.get(attempt) ?? []), run.id]);
  }
  for (const [attempt, ids] of byCreate) {
    if (ids.length > 1) findings.duplicates.push(`create attempt ${attempt} made ${ids.length} runs: ${ids.join(', ')}`);
  }
  const outputs = new Map<string, string | null>();
  for (const run of runs) {
    const steps = await backend.truth.listRunSteps(threadId, run.id, { order: 'asc', limit: 100 });
    for (const step of steps.data) {
      if (step.step_details.type !== 'tool_calls') continue;
      for (const call of step.step_details.tool_calls) {
        if (call.type !== 'function') continue;
        if (outputs.has(call.id)) findings.duplicates.push(`tool call ${call.id} appears twice in ${run.id}'s steps`);
        outputs.set(call.id, call.function.output ?? null);
      }
    }
  }
  const misreported = new Set<string>();
  for (const answer of ledger.answers) {
    for (const output of answer.outputs) {
      const onServer = outputs.get(output.tool_call_id);
      if (answer.resolved && onServer !== output.output) {
        findings.lost.push(`tab ${answer.tab}'s answer to ${output.tool_call_id} was reported landed, the server has ${JSON.stringify(onServer ?? null)}`);
      }
      const landedUnreported = !ledger.answers.some((other) => other.resolved && other.outputs.some((o) => o.output === output.output));
      // Counted once per answer, whichever of its clicks (a double click, a retry) said what.
      const sent = !answer.error?.includes('Nothing was sent');
      if (!answer.resolved && sent && onServer === output.output && landedUnreported && !misreported.has(output.output)) {
        misreported.add(output.output);
        findings.misreported.submits.push(`tab ${answer.tab}'s answer to ${output.tool_call_id} landed but was reported failed (${answer.error})`);
      }
    }
  }
  for (const create of ledger.creates.filter((c) => !c.ok)) {
    const made = byCreate.get(String(create.attempt));
    if (made) findings.misreported.creates.push(`create attempt ${create.attempt} failed (${create.error}) but made ${made.join(', ')}`);
  }
}

/** Closes every tab (observers, streams, cache) and checks the bookkeeping went back to nothing. */
export async function closeAndCheckBookkeeping(tabs: readonly ChaosTab[], emulator: Emulator, findings: Findings): Promise<void> {
  for (const tab of tabs) tab.closeView();
  // Streams ended by the views' signals unregister on their next tick.
  await waitFor(() => tabs.every((tab) => runStreamRegistrySize(tab.queryClient).open === 0), 1_000);
  for (const tab of tabs) tab.close();
  for (const tab of tabs) {
    const streams = runStreamRegistrySize(tab.queryClient);
    const flights = inFlightSize(tab.queryClient);
    const held = { ...streams, ...flights };
    if (Object.values(held).some((size) => size !== 0)) findings.leaks.push(`tab ${tab.name} keeps ${JSON.stringify(held)} after clear()`);
  }
  await waitFor(() => emulator.faults.openStalls === 0, 1_000);
  if (emulator.faults.openStalls !== 0) findings.leaks.push(`the emulator still holds ${emulator.faults.openStalls} stalled responses open`);
}
