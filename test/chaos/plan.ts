import type { FaultKind, FaultProfile, FaultRule } from '../../src/emulator';
import { createRandom, type Random } from './random';

/*
 * One lifecycle's plan, drawn from its seed alone: the scenario, the faults, and what the person
 * does. Printed with the seed when an invariant fails, so `CHAOS_SEED=<n>` replays it.
 */

export const chaosScenarios = ['function_call', 'message', 'slow', 'fail', 'expire'] as const;
export type ChaosScenario = (typeof chaosScenarios)[number];

export type TabName = 'A' | 'B';

/** Who clicks: one tab, the same tab twice at once, or both tabs at once. */
export type ClickMode = 'once' | 'double' | 'both-tabs';

export type ChaosAction =
  /** The person looks at the screen and does nothing for `ms` of emulator time. */
  | { kind: 'wait'; ms: number }
  /**
   * Answers the tool calls the tab shows as pending (waits until it shows some). `leaveAfterMs`:
   * the person navigates away that many wall ms after clicking (the view unmounts mid-submit) and comes back.
   * `cancelFrom`: at the same moment someone clicks Cancel in that tab.
   */
  | { kind: 'answer'; tab: TabName; mode: ClickMode; stream: boolean; leaveAfterMs?: number; cancelFrom?: TabName }
  /** Clicks Cancel while the tab shows the run as cancellable. */
  | { kind: 'cancel'; tab: TabName; mode: ClickMode }
  /** Leaves the run's view (its streams end with it) for `awayMs`, then opens it again. */
  | { kind: 'remount'; tab: TabName; awayMs: number }
  /** The browser tab is hidden for `ms` of emulator time (TanStack's focusManager). */
  | { kind: 'hide'; ms: number };

export interface ChaosPlan {
  seed: number;
  scenario: ChaosScenario;
  /** Rounds of tool calls (function_call only; the emulator's `emulator.rounds`). */
  rounds: number;
  createStream: boolean;
  /** A second QueryClient (another browser tab) watches and acts on the same run. */
  secondTab: boolean;
  faults: FaultProfile | null;
  actions: ChaosAction[];
}

const routes = {
  create: 'POST /threads/*/runs',
  submit: 'POST /threads/*/runs/*/submit_tool_outputs',
  cancel: 'POST /threads/*/runs/*/cancel',
  getRun: 'GET /threads/*/runs/*',
  listRuns: 'GET /threads/*/runs',
  steps: 'GET /threads/*/runs/*/steps',
} as const;

const kindWeights: readonly (readonly [FaultKind, number])[] = [
  ['latency', 2],
  ['server-error', 2],
  ['rate-limit', 1],
  ['reset', 2],
  ['truncate', 1],
  ['malformed', 1],
  ['schema', 1],
  ['sse-cut', 1.5],
  ['sse-stall', 1],
  ['slow-body', 1],
];

const streamKinds = new Set<FaultKind>(['sse-cut', 'sse-stall']);

function drawRule(random: Random): FaultRule {
  const kind = random.weighted(kindWeights);
  // Per route, a fault may be frequent (the route sees few requests); everywhere, it stays rare.
  const global = streamKinds.has(kind) ? random.chance(0.3) : random.chance(0.35);
  const route = global
    ? undefined
    : streamKinds.has(kind)
      ? random.pick([routes.create, routes.submit])
      : random.pick(Object.values(routes));
  const rate = Number((global ? 0.04 + random.next() * 0.11 : 0.15 + random.next() * 0.35).toFixed(3));
  const base = { ...(route && { route }), rate };
  switch (kind) {
    case 'latency':
      return { kind, ...base, ms: random.int(20, 400), jitterMs: random.int(0, 400), when: random.pick(['before', 'after'] as const) };
    case 'server-error':
      return { kind, ...base, status: random.pick([500, 502, 503, 504] as const), burst: random.int(1, 3), when: random.chance(0.2) ? 'after' : 'before' };
    case 'rate-limit':
      return { kind, ...base, retryAfterMs: random.int(20, 300), burst: random.int(1, 2) };
    case 'reset': {
      const at = random.pick(['headers', 'body'] as const);
      return { kind, ...base, at, when: at === 'body' ? 'after' : random.pick(['before', 'after'] as const) };
    }
    case 'truncate':
      return { kind, ...base, keep: Number((0.2 + random.next() * 0.7).toFixed(2)) };
    case 'sse-cut':
    case 'sse-stall':
      return { kind, ...base, rate: Number((0.3 + random.next() * 0.5).toFixed(3)), afterEvents: random.int(0, 6) };
    case 'slow-body':
      return { kind, ...base, chunkBytes: random.pick([32, 64, 128, 512]), intervalMs: random.int(10, 100) };
    default:
      return { kind, ...base };
  }
}

function drawFaults(random: Random, seed: number): FaultProfile | null {
  if (random.chance(0.15)) return null;
  const rules = Array.from({ length: random.int(1, 4) }, () => drawRule(random));
  return { name: `chaos-${seed}`, seed, rules };
}

const tab = (random: Random, secondTab: boolean): TabName => (secondTab && random.chance(0.4) ? 'B' : 'A');

function clickMode(random: Random, secondTab: boolean): ClickMode {
  return random.weighted<ClickMode>([['once', 6], ['double', 2], ['both-tabs', secondTab ? 2 : 0]]);
}

/** Something that may happen while the person waits: a look away, a hidden tab, a remount. */
function interlude(random: Random, secondTab: boolean, actions: ChaosAction[]): void {
  const kind = random.weighted([['none', 5], ['wait', 2], ['hide', 1.5], ['remount', 1.5]] as const);
  if (kind === 'wait') actions.push({ kind, ms: random.int(100, 2_000) });
  if (kind === 'hide') actions.push({ kind, ms: random.int(200, 3_000) });
  if (kind === 'remount') actions.push({ kind, tab: tab(random, secondTab), awayMs: random.int(0, 1_500) });
}

function cancel(random: Random, secondTab: boolean): ChaosAction {
  return { kind: 'cancel', tab: tab(random, secondTab), mode: clickMode(random, secondTab) };
}

function drawActions(random: Random, plan: Omit<ChaosPlan, 'actions'>): ChaosAction[] {
  const { scenario, rounds, secondTab } = plan;
  const actions: ChaosAction[] = [];
  interlude(random, secondTab, actions);
  if (scenario === 'function_call') {
    for (let round = 0; round < rounds; round += 1) {
      interlude(random, secondTab, actions);
      if (random.chance(0.08)) {
        actions.push(cancel(random, secondTab));
        return actions;
      }
      const answer: Extract<ChaosAction, { kind: 'answer' }> = { kind: 'answer', tab: tab(random, secondTab), mode: clickMode(random, secondTab), stream: random.chance(0.4) };
      if (random.chance(0.12)) answer.leaveAfterMs = random.int(0, 30);
      if (random.chance(0.08)) answer.cancelFrom = tab(random, secondTab);
      actions.push(answer);
    }
    interlude(random, secondTab, actions);
    if (random.chance(0.1)) actions.push(cancel(random, secondTab));
  } else if (scenario === 'expire') {
    // Left unanswered; now and then answered late, right after coming back to a hidden tab.
    if (random.chance(0.35)) {
      actions.push({ kind: 'hide', ms: random.int(600_000, 640_000) });
      actions.push({ kind: 'answer', tab: 'A', mode: 'once', stream: random.chance(0.4) });
    }
  } else if (scenario === 'slow') {
    if (random.chance(0.8)) actions.push(cancel(random, secondTab));
    interlude(random, secondTab, actions);
    if (random.chance(0.2)) actions.push(cancel(random, secondTab));
  } else {
    // message, fail: over in ~1.5 s; a cancel races the end.
    if (random.chance(0.35)) actions.push(cancel(random, secondTab));
    interlude(random, secondTab, actions);
  }
  return actions;
}

export function drawPlan(seed: number): ChaosPlan {
  const random = createRandom(seed * 7919 + 17);
  const scenario = random.weighted<ChaosScenario>([
    ['function_call', 6],
    ['message', 1],
    ['slow', 1],
    ['fail', 1],
    ['expire', 1],
  ]);
  const rounds = scenario === 'function_call' ? random.int(1, 2) : 1;
  const createStream = random.chance(0.45);
  const secondTab = random.chance(0.3);
  const faults = drawFaults(random, seed);
  const partial = { seed, scenario, rounds, createStream, secondTab, faults };
  return { ...partial, actions: drawActions(random, partial) };
}

const describeRule = (rule: FaultRule): string => {
  const { kind, route, rate, ...rest } = rule;
  const fields = Object.entries(rest).map(([key, value]) => `${key}=${String(value)}`);
  return `${kind}@${route ?? '*'} rate=${rate ?? 1}${fields.length ? ` ${fields.join(' ')}` : ''}`;
};

const describeAction = (action: ChaosAction): string => {
  switch (action.kind) {
    case 'wait':
      return `wait ${action.ms}ms`;
    case 'hide':
      return `hide ${action.ms}ms`;
    case 'answer': {
      const extras = [action.stream && 'stream', action.leaveAfterMs !== undefined && `leave after ${action.leaveAfterMs}ms`, action.cancelFrom && `cancel from ${action.cancelFrom} at once`];
      return `answer(${[action.tab, action.mode, ...extras.filter(Boolean)].join(', ')})`;
    }
    case 'cancel':
      return `cancel(${action.tab}, ${action.mode})`;
    case 'remount':
      return `remount(${action.tab}, away ${action.awayMs}ms)`;
  }
};

/** The plan in a few lines, for a failure report. */
export function describePlan(plan: ChaosPlan): string {
  return [
    `seed ${plan.seed}: ${plan.scenario}${plan.rounds > 1 ? ` ×${plan.rounds} rounds` : ''}, create ${plan.createStream ? 'streamed' : 'polled'}${plan.secondTab ? ', second tab' : ''}`,
    `  faults: ${plan.faults ? plan.faults.rules.map(describeRule).join(' | ') : 'none'}`,
    `  actions: ${plan.actions.length ? plan.actions.map(describeAction).join(' → ') : '(none)'}`,
  ].join('\n');
}
