import type { Clock } from '../clock.js';
import { answerInstead, damage } from './apply.js';
import { compileProfile, planFaults, type FaultState, type FiredFault } from './plan.js';
import type { FaultPresetName } from './presets.js';
import { resolveFaultProfile } from './profile.js';
import type { FaultKind, FaultProfile, FaultRule, FaultTiming } from './types.js';

/** One injected fault, as `emulator.faults.log` records it. */
export interface FaultLogEntry {
  /** Emulator time (epoch ms) when the fault was applied. */
  at: number;
  method: string;
  /** The URL's path, e.g. `/v1/threads/thread_…/runs`. */
  path: string;
  /** The request's `x-request-id` (also sent on the faulted answer when it has headers). */
  requestId: string;
  kind: FaultKind;
  when: FaultTiming;
  /** The rule as given, and its place in `profile.rules`. */
  rule: FaultRule;
  ruleIndex: number;
  /** For latency: the delay applied, in emulator ms. */
  delayMs?: number;
}

/** `emulator.faults`: switch faults at run time and see what was injected. */
export interface EmulatorFaults {
  /** The active profile (a preset name resolved to its profile), or null when faults are off. */
  readonly profile: FaultProfile | null;
  /**
   * Replaces the profile, or turns faults off with `null` (an outage that ends). Restarts the PRNG from
   * the profile's seed and ends running bursts; requests already under way keep the faults they drew.
   * Throws FaultProfileError for an invalid profile or an unknown preset name, leaving the old one on.
   */
  set(profile: FaultProfile | FaultPresetName | null): void;
  /** Every injected fault, in the order applied; kept across `set()` (empty it with `log.length = 0`). */
  readonly log: FaultLogEntry[];
  /** Responses a stall holds open right now: 0 once every stalled client has gone away. */
  readonly openStalls: number;
}

export interface FaultedRequest {
  request: Request;
  /** The path after `/v1`, which rules' `route` patterns match. */
  path: string;
  requestId: string;
}

/** Faults around a Fetch handler: `run` wraps the handling of one request. Any emulator can use it. */
export interface FaultInjector {
  faults: EmulatorFaults;
  run(request: FaultedRequest, next: () => Promise<Response>): Promise<Response>;
}

export function createFaultInjector(clock: Clock, initial: FaultProfile | FaultPresetName | null = null): FaultInjector {
  let state: FaultState | null = null;
  let openStalls = 0;
  const log: FaultLogEntry[] = [];
  const holdOpen = (): (() => void) => {
    openStalls += 1;
    let held = true;
    return () => {
      if (held) openStalls -= 1;
      held = false;
    };
  };

  const faults: EmulatorFaults = {
    get profile() {
      return state?.profile ?? null;
    },
    set(profile) {
      const resolved = resolveFaultProfile(profile);
      state = resolved ? compileProfile(resolved) : null;
    },
    log,
    get openStalls() {
      return openStalls;
    },
  };
  faults.set(initial);

  async function run({ request, path, requestId }: FaultedRequest, next: () => Promise<Response>): Promise<Response> {
    if (!state) return next();
    // Drawn now, before any await: the PRNG follows the order requests arrive in.
    const plan = planFaults(state, request.method, path);
    const pathname = new URL(request.url).pathname;
    const record = ({ rule, index, when, delayMs }: FiredFault): void => {
      const entry: FaultLogEntry = { at: clock.now(), method: request.method, path: pathname, requestId, kind: rule.kind, when, rule, ruleIndex: index };
      log.push(delayMs === undefined ? entry : { ...entry, delayMs });
    };
    const wait = async (when: FaultTiming): Promise<void> => {
      for (const fired of plan.delays.filter((delay) => delay.when === when)) {
        record(fired);
        if ((fired.delayMs ?? 0) > 0) await clock.sleep(fired.delayMs ?? 0, request.signal);
      }
    };

    await wait('before');
    if (plan.before) {
      record(plan.before);
      return answerInstead(plan.before.rule) ?? next();
    }
    const response = await next();
    try {
      await wait('after');
    } catch (error) {
      void response.body?.cancel().catch(() => undefined);
      throw error;
    }
    for (const fired of plan.after) {
      const damaged = await damage(fired.rule, response, { clock, signal: request.signal, holdOpen });
      if (!damaged) continue;
      record(fired);
      return damaged;
    }
    return response;
  }

  return { faults, run };
}
