import type { ToolOutput } from '../../src/api/schemas';
import { demoIds } from '../../src/emulator';
import { ActiveRunError } from '../../src/query/errors';
import { isTerminalRun, isTerminalStatus, pendingToolCalls, toolCallId } from '../../src/query/run-state';
import { sleep, waitFor, type ChaosBackend } from './backend';
import { CLICK_PATIENCE_MS, describeError, isFinalRefusal, STILL_PENDING, withPatience, type Ledger } from './ledger';
import type { ChaosAction, ChaosPlan, TabName } from './plan';
import { browserFocus, type ChaosTab } from './tab';

const createPath = /\/threads\/[^/]+\/runs$/;
const submitPath = /\/submit_tool_outputs$/;
const cancelPath = /\/cancel$/;

/**
 * The simulated person: acts only on what a tab shows (the observers' data), clicks what a UI
 * offers, and glances at every tab while waiting (a Retry click on a pane that gave up polling).
 */
export class Person {
  constructor(
    private readonly plan: ChaosPlan,
    private readonly backend: ChaosBackend,
    private readonly tabs: Map<TabName, ChaosTab>,
    private readonly ledger: Ledger,
  ) {}

  private tab(name: TabName): ChaosTab {
    return this.tabs.get(name) ?? this.tabs.get('A')!;
  }

  private actors(tab: TabName, mode: string): ChaosTab[] {
    return mode === 'both-tabs' ? [...this.tabs.values()] : [this.tab(tab)];
  }

  /** Waits (wall time) while emulator time flows, glancing at every tab. */
  glanceUntil(done: () => boolean, wallMs: number): Promise<boolean> {
    return waitFor(done, wallMs, () => this.tabs.forEach((tab) => tab.look()));
  }

  /** Lets `ms` of emulator time pass, in bigger steps when it is long. */
  async passTime(ms: number): Promise<void> {
    const { clock, pump } = this.backend;
    const target = clock.now() + ms;
    pump.stepMs = Math.min(5_000, Math.max(100, Math.round(ms / 60)));
    try {
      await this.glanceUntil(() => clock.now() >= target, 30_000);
    } finally {
      pump.stepMs = 100;
    }
  }

  /** Starts the run in tab A once its runs list is on screen (clicking again after an error, unless it says a run is active), then opens it. */
  async create(): Promise<void> {
    const tab = this.tab('A');
    await this.glanceUntil(() => tab.listResult().isSuccess, 10_000);
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const metadata: Record<string, string> = { 'chaos.create': String(attempt) };
      if (this.plan.rounds > 1) metadata['emulator.rounds'] = String(this.plan.rounds);
      const before = tab.layerSends('POST', createPath);
      try {
        const run = await withPatience(tab.create({ assistant_id: demoIds.assistants[this.plan.scenario], metadata }, this.plan.createStream));
        if (run === STILL_PENDING) {
          this.ledger.hangs.push(`create attempt ${attempt} still pending after ${CLICK_PATIENCE_MS} ms`);
          return;
        }
        this.ledger.creates.push({ attempt, ok: true, runId: run.id });
        tab.watch(run.id);
        return;
      } catch (error) {
        this.ledger.creates.push({ attempt, ok: false, error: describeError(error) });
        if (ActiveRunError.is(error)) return;
        await this.passTime(300);
      } finally {
        const sent = tab.layerSends('POST', createPath) - before;
        if (sent > 1) this.ledger.duplicateSends.push(`create attempt ${attempt} sent POST /runs ${sent} times`);
      }
    }
  }

  async perform(action: ChaosAction, index: number): Promise<void> {
    switch (action.kind) {
      case 'wait':
        return this.passTime(action.ms);
      case 'hide':
        browserFocus.hide();
        try {
          return await this.passTime(action.ms);
        } finally {
          browserFocus.show();
        }
      case 'remount': {
        const tab = this.tab(action.tab);
        const runId = tab.viewRunId;
        tab.closeView();
        await this.passTime(action.awayMs);
        if (runId) tab.watch(runId);
        return;
      }
      case 'cancel':
        return this.cancel(action);
      case 'answer':
        return this.answer(action, index);
    }
  }

  private answeredBy(tab: ChaosTab): Set<string> {
    const answered = this.ledger.answers.filter((answer) => answer.tab === tab.name && answer.resolved);
    return new Set(answered.flatMap((answer) => answer.outputs.map((output) => output.tool_call_id)));
  }

  /** The calls the tab's form shows (calls this tab's person already answered with success excluded). */
  private shownCalls(tab: ChaosTab): string[] {
    const answered = this.answeredBy(tab);
    return pendingToolCalls(tab.viewedRun()).map(toolCallId).filter((id) => !answered.has(id));
  }

  private outputs(tab: ChaosTab, index: number): ToolOutput[] {
    return this.shownCalls(tab).map((id) => ({ tool_call_id: id, output: JSON.stringify({ answer: `${this.plan.seed}/${tab.name}/${index}/${id}` }) }));
  }

  private async submit(tab: ChaosTab, runId: string, outputs: ToolOutput[], stream: boolean): Promise<unknown> {
    try {
      if ((await withPatience(tab.submit(runId, outputs, stream))) === STILL_PENDING) {
        this.ledger.hangs.push(`tab ${tab.name}'s submit still pending after ${CLICK_PATIENCE_MS} ms`);
        this.ledger.answers.push({ tab: tab.name, runId, outputs, resolved: false, error: 'still pending' });
        return undefined;
      }
      this.ledger.answers.push({ tab: tab.name, runId, outputs, resolved: true });
      return undefined;
    } catch (error) {
      this.ledger.answers.push({ tab: tab.name, runId, outputs, resolved: false, error: describeError(error) });
      return error;
    }
  }

  private async answer(action: Extract<ChaosAction, { kind: 'answer' }>, index: number): Promise<void> {
    const actors = this.actors(action.tab, action.mode);
    const runId = actors[0]!.viewRunId;
    if (!runId) return void this.ledger.notes.push(`answer ${index}: no run on screen`);
    const showsForm = () => actors.every((tab) => this.shownCalls(tab).length > 0);
    await this.glanceUntil(() => showsForm() || isTerminalRun(actors[0]!.viewedRun()), 8_000);
    if (!showsForm()) return void this.ledger.notes.push(`answer ${index}: no form (run ${actors[0]!.viewedRun()?.status ?? 'not shown'})`);
    const clicks = actors.flatMap((tab) => (action.mode === 'double' ? [tab, tab] : [tab])).map((tab) => ({ tab, outputs: this.outputs(tab, index) }));
    const before = new Map(actors.map((tab) => [tab, tab.layerSends('POST', submitPath)]));
    const submitted = Promise.all(clicks.map(({ tab, outputs }) => this.submit(tab, runId, outputs, action.stream)));
    const cancelled = action.cancelFrom ? this.cancel({ kind: 'cancel', tab: action.cancelFrom, mode: 'once' }) : undefined;
    if (action.leaveAfterMs !== undefined) await this.leaveAndComeBack(actors[0]!, action.leaveAfterMs);
    const [errors] = await Promise.all([submitted, cancelled]);
    for (const tab of actors) {
      const sent = tab.layerSends('POST', submitPath) - before.get(tab)!;
      if (sent > 1) this.ledger.duplicateSends.push(`answer ${index} (${action.mode}) made tab ${tab.name} send its outputs ${sent} times`);
    }
    // A failed click whose form is still there is clicked again, the same outputs, at most twice.
    for (const [i, { tab, outputs }] of clicks.entries()) {
      if (action.mode === 'double' && i > 0) continue;
      let error = errors[i];
      for (let retry = 0; retry < 2 && error !== undefined && !isFinalRefusal(error); retry += 1) {
        const ids = outputs.map((output) => output.tool_call_id).join();
        await this.passTime(200);
        if (this.shownCalls(tab).join() !== ids) break;
        const sendsBefore = tab.layerSends('POST', submitPath);
        error = await this.submit(tab, runId, outputs, action.stream);
        const sent = tab.layerSends('POST', submitPath) - sendsBefore;
        if (sent > 1) this.ledger.duplicateSends.push(`answer ${index} retry made tab ${tab.name} send its outputs ${sent} times`);
      }
    }
  }

  /** Navigates away from the run (its view and streams go) `afterMs` wall ms from now, and back 300 ms of emulator time later. */
  private async leaveAndComeBack(tab: ChaosTab, afterMs: number): Promise<void> {
    await sleep(afterMs);
    const runId = tab.viewRunId;
    tab.closeView();
    await this.passTime(300);
    if (runId) tab.watch(runId);
  }

  private async cancel(action: Extract<ChaosAction, { kind: 'cancel' }>): Promise<void> {
    const actors = this.actors(action.tab, action.mode);
    const runId = actors[0]!.viewRunId;
    if (!runId) return void this.ledger.notes.push('cancel: no run on screen');
    await this.glanceUntil(() => actors.every((tab) => tab.viewedRun() !== undefined), 5_000);
    const cancellable = (tab: ChaosTab) => {
      const run = tab.viewedRun();
      return run !== undefined && run.status !== 'cancelling' && !isTerminalStatus(run.status);
    };
    const clicks = actors.filter(cancellable).flatMap((tab) => (action.mode === 'double' ? [tab, tab] : [tab]));
    if (clicks.length === 0) return void this.ledger.notes.push(`cancel: nothing to cancel (${actors[0]!.viewedRun()?.status ?? 'not shown'})`);
    const before = new Map(actors.map((tab) => [tab, tab.layerSends('POST', cancelPath)]));
    await Promise.all(
      clicks.map((tab) =>
        withPatience(tab.cancel(runId)).then(
          (run) =>
            void (run === STILL_PENDING
              ? this.ledger.hangs.push(`tab ${tab.name}'s cancel still pending after ${CLICK_PATIENCE_MS} ms`)
              : this.ledger.cancels.push({ tab: tab.name, ok: true })),
          (error: unknown) => void this.ledger.cancels.push({ tab: tab.name, ok: false, error: describeError(error) }),
        ),
      ),
    );
    for (const tab of actors) {
      const sent = tab.layerSends('POST', cancelPath) - before.get(tab)!;
      if (sent > 1) this.ledger.duplicateSends.push(`cancel (${action.mode}) made tab ${tab.name} send ${sent} cancels`);
    }
  }
}
