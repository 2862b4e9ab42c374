import type { Run } from '../../src/api/schemas';
import { isTerminalStatus } from '../../src/query/run-state';
import { sleep, startChaosBackend, type ChaosBackend } from './backend';
import { describeError, emptyLedger, type Ledger } from './ledger';
import { Person } from './person';
import { describePlan, drawPlan, type ChaosPlan, type TabName } from './plan';
import { ChaosTab, chaosPolling } from './tab';
import { checkServerTruth, closeAndCheckBookkeeping, emptyFindings, screenMismatches, type Findings } from './verify';

/*
 * One whole run lifecycle under chaos: tab A opens the thread's runs list and starts a run, a
 * second tab may join, the person acts (answers, cancels, remounts, hides the tab) while the
 * faults are on. Then the faults go off and nothing but polling (and Retry clicks on panes that
 * gave up) may bring every tab to the server's terminal status. Then the server's truth is read.
 */

export interface LifecycleResult {
  plan: ChaosPlan;
  findings: Findings;
  ledger: Ledger;
  faultsByKind: Record<string, number>;
  retryClicks: number;
  wallMs: number;
  /** Wall time per phase: create (with setup), actions, recovery (and the truth), closing. */
  phasesMs: { create: number; actions: number; recovery: number; close: number };
}

/** How long recovery may take once the server's runs have ended (polls are 10–40 ms apart). */
const RECOVERY_AFTER_END_MS = 4_000;
/** How long the server's runs may take to end (an unanswered run waits 600 s of emulator time). */
const RECOVERY_TOTAL_MS = 20_000;

/** Emulator time per pump tick while the server's runs still have far to go. */
function stepFor(runs: readonly Run[]): number {
  if (runs.some((run) => run.status === 'requires_action')) return 20_000;
  if (runs.some((run) => !isTerminalStatus(run.status))) return 2_000;
  return 100;
}

/** Faults off; the pump moves time until every tab shows every run as the server has it, or time is up. */
async function recover(backend: ChaosBackend, person: Person, tabs: readonly ChaosTab[], threadId: string): Promise<Run[]> {
  backend.emulator.faults.set(null);
  const serverRuns = async () => (await backend.truth.listRuns(threadId, { limit: 100 })).data;
  let runs = await serverRuns();
  const started = performance.now();
  let endedAt: number | undefined;
  for (;;) {
    const ended = runs.every((run) => isTerminalStatus(run.status));
    if (ended && screenMismatches(tabs, runs).length === 0) break;
    endedAt ??= ended ? performance.now() : undefined;
    if (performance.now() - started > RECOVERY_TOTAL_MS || (endedAt && performance.now() - endedAt > RECOVERY_AFTER_END_MS)) break;
    backend.pump.stepMs = stepFor(runs);
    await person.glanceUntil(() => false, 40);
    runs = await serverRuns();
  }
  backend.pump.stepMs = 100;
  return runs;
}

export async function runLifecycle(seed: number): Promise<LifecycleResult> {
  const started = performance.now();
  const plan = drawPlan(seed);
  const ledger = emptyLedger();
  const findings = emptyFindings();
  const backend = await startChaosBackend();
  const tabs = new Map<TabName, ChaosTab>();
  const polling = chaosPolling(() => backend.clock.now());
  const phasesMs = { create: 0, actions: 0, recovery: 0, close: 0 };
  let mark = started;
  const endPhase = (phase: keyof typeof phasesMs) => {
    phasesMs[phase] = performance.now() - mark;
    mark = performance.now();
  };
  try {
    const threadId = (await backend.truthOpenAI.beta.threads.create({})).id;
    const openTab = (name: TabName) => {
      const tab = new ChaosTab(name, backend.sdk(), threadId, polling);
      tabs.set(name, tab);
      return tab;
    };
    openTab('A');
    backend.emulator.faults.set(plan.faults);
    const person = new Person(plan, backend, tabs, ledger);
    await person.create();
    endPhase('create');
    if (plan.secondTab) {
      const runId = tabs.get('A')!.viewRunId;
      const second = openTab('B');
      if (runId) second.watch(runId);
    }
    for (const [index, action] of plan.actions.entries()) await person.perform(action, index);
    endPhase('actions');

    const runs = await recover(backend, person, [...tabs.values()], threadId);
    for (const run of runs) {
      if (!isTerminalStatus(run.status)) findings.harness.push(`server run ${run.id} still ${run.status} after recovery: the pump did not move time far enough`);
    }
    findings.notTerminal.push(...screenMismatches([...tabs.values()], runs));
    await checkServerTruth(backend, threadId, runs, ledger, findings);
    if (runs.length === 0) ledger.notes.push('no run was created');
  } catch (error) {
    findings.harness.push(`lifecycle threw: ${describeError(error)}`);
  }
  endPhase('recovery');
  const retryClicks = [...tabs.values()].reduce((sum, tab) => sum + tab.retryClicks, 0);
  await closeAndCheckBookkeeping([...tabs.values()], backend.emulator, findings).catch((error: unknown) => {
    findings.harness.push(`closing threw: ${describeError(error)}`);
  });
  findings.duplicates.push(...ledger.duplicateSends);
  const faultsByKind: Record<string, number> = {};
  for (const entry of backend.emulator.faults.log) faultsByKind[entry.kind] = (faultsByKind[entry.kind] ?? 0) + 1;
  await backend.close();
  // Let the sockets the server just ended report to their clients before the next lifecycle starts.
  await sleep(1);
  endPhase('close');
  return { plan, findings, ledger, faultsByKind, retryClicks, wallMs: performance.now() - started, phasesMs };
}

/** Every invariant broken by a lifecycle, one line each (empty: it passed). */
export function violationsOf(result: LifecycleResult, unhandled: readonly string[] = []): string[] {
  const { lost, duplicates, notTerminal, leaks, harness } = result.findings;
  return [
    ...result.ledger.hangs.map((line) => `hang: ${line}`),
    ...lost.map((line) => `lost: ${line}`),
    ...duplicates.map((line) => `duplicate: ${line}`),
    ...notTerminal.map((line) => `not terminal: ${line}`),
    ...leaks.map((line) => `bookkeeping: ${line}`),
    ...unhandled.map((line) => `unhandled rejection: ${line}`),
    ...harness.map((line) => `harness: ${line}`),
  ];
}

/** The failure report: how to replay, the plan, what broke, and what the person saw. */
export function describeFailure(result: LifecycleResult, unhandled: readonly string[] = []): string {
  const { ledger } = result;
  return [
    `✗ CHAOS_SEED=${result.plan.seed} npx vitest run --project node test/chaos`,
    describePlan(result.plan),
    ...violationsOf(result, unhandled).map((line) => `  ! ${line}`),
    `  creates: ${ledger.creates.map((c) => (c.ok ? `#${c.attempt} ok ${c.runId}` : `#${c.attempt} failed: ${c.error}`)).join('; ') || '-'}`,
    `  answers: ${ledger.answers.map((a) => `${a.tab} ${a.resolved ? 'ok' : `failed: ${a.error}`}`).join('; ') || '-'}`,
    `  cancels: ${ledger.cancels.map((c) => `${c.tab} ${c.ok ? 'ok' : `failed: ${c.error}`}`).join('; ') || '-'}`,
    `  faults fired: ${JSON.stringify(result.faultsByKind)}; retry clicks: ${result.retryClicks}; wall ms: ${Object.entries(result.phasesMs).map(([phase, ms]) => `${phase} ${Math.round(ms)}`).join(', ')}`,
    ...[...ledger.notes, ...result.findings.misreported.submits, ...result.findings.misreported.creates].map((line) => `  · ${line}`),
  ].join('\n');
}
