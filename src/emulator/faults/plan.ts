import { compileRoutes, type RouteMatcher } from './match.js';
import { createRandom } from './random.js';
import type { FaultProfile, FaultRule, FaultTiming } from './types.js';

// Which faults a request gets, decided when it arrives: one PRNG draw per matching rule, in rule order.

/** A rule that fired for a request. */
export interface FiredFault {
  rule: FaultRule;
  index: number;
  when: FaultTiming;
  /** Latency only: the delay drawn. */
  delayMs?: number;
}

export interface FaultPlan {
  /** Latency faults, in rule order; they add up. */
  delays: FiredFault[];
  /** The first status or reset fault that fired `before`: the request is not processed. */
  before: FiredFault | undefined;
  /** Damage candidates, in rule order: the first that fits the response is applied. */
  after: FiredFault[];
}

interface CompiledRule {
  rule: FaultRule;
  index: number;
  when: FaultTiming;
  matches: RouteMatcher;
}

/** A profile ready to draw from: its rules compiled, its PRNG at the seed, no burst running. */
export interface FaultState {
  profile: FaultProfile;
  rules: CompiledRule[];
  random: () => number;
  /** Per rule: how many more requests the running burst covers. */
  burstLeft: number[];
}

/** Where a rule applies when it does not say: status faults before the API, damage after. */
export function timingOf(rule: FaultRule): FaultTiming {
  if (rule.when) return rule.when;
  return rule.kind === 'latency' || rule.kind === 'server-error' || rule.kind === 'rate-limit' ? 'before' : 'after';
}

export function compileProfile(profile: FaultProfile): FaultState {
  const rules = profile.rules.map((rule, index) => ({ rule, index, when: timingOf(rule), matches: compileRoutes(rule.route) }));
  return { profile, rules, random: createRandom(profile.seed ?? 1), burstLeft: rules.map(() => 0) };
}

function fires(state: FaultState, { rule, index }: CompiledRule): boolean {
  const drawn = state.random() < (rule.rate ?? 1);
  if (rule.kind !== 'server-error' && rule.kind !== 'rate-limit') return drawn;
  const left = state.burstLeft[index] ?? 0;
  if (left > 0) state.burstLeft[index] = left - 1;
  else if (drawn) state.burstLeft[index] = (rule.burst ?? 1) - 1;
  return left > 0 || drawn;
}

/** Draws for one request (`path` is the part after /v1); moves the PRNG and bursts on. */
export function planFaults(state: FaultState, method: string, path: string): FaultPlan {
  const plan: FaultPlan = { delays: [], before: undefined, after: [] };
  for (const compiled of state.rules) {
    if (!compiled.matches(method, path) || !fires(state, compiled)) continue;
    const { rule, index, when } = compiled;
    if (rule.kind === 'latency') {
      const delayMs = (rule.ms ?? 0) + Math.round(state.random() * (rule.jitterMs ?? 0));
      plan.delays.push({ rule, index, when, delayMs });
    } else if (when === 'before') plan.before ??= { rule, index, when };
    else plan.after.push({ rule, index, when });
  }
  return plan;
}
