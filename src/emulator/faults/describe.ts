import { timingOf } from './plan.js';
import type { FaultProfile, FaultRule } from './types.js';

// One line per rule, for the CLI's start-up banner and anyone logging which faults are on.

const percent = (rate: number): string => `${Number((rate * 100).toFixed(2))} %`;
const times = (burst: number | undefined): string => (burst && burst > 1 ? ` ×${burst} in a row` : '');

function details(rule: FaultRule): string {
  switch (rule.kind) {
    case 'latency':
      return rule.jitterMs ? ` ${rule.ms ?? 0}–${(rule.ms ?? 0) + rule.jitterMs} ms` : ` ${rule.ms ?? 0} ms`;
    case 'server-error':
      return ` ${rule.status ?? 503}${times(rule.burst)}`;
    case 'rate-limit':
      return ` 429, retry after ${rule.retryAfterMs ?? 1000} ms${times(rule.burst)}`;
    case 'reset':
      return ` at ${rule.at ?? (rule.when === 'before' ? 'headers' : 'body')}${rule.afterBytes === undefined ? '' : ` after ${rule.afterBytes} bytes`}`;
    case 'truncate':
      return ` keeping ${percent(rule.keep ?? 0.5)}`;
    case 'sse-cut':
      return ` in event ${(rule.afterEvents ?? 2) + 1}`;
    case 'sse-stall':
      return ` after ${rule.afterEvents ?? 3} events`;
    case 'slow-body':
      return ` ${rule.chunkBytes ?? 64} bytes per ${rule.intervalMs ?? 100} ms`;
    default:
      return '';
  }
}

/** e.g. `8 % server-error 503 (before) on every request`. */
export function describeFaultRule(rule: FaultRule): string {
  const routes = rule.route === undefined ? 'every request' : [rule.route].flat().join(', ');
  return `${percent(rule.rate ?? 1)} ${rule.kind}${details(rule)} (${timingOf(rule)}) on ${routes}`;
}

/** The profile's name, seed and description, then one indented line per rule. */
export function describeFaultProfile(profile: FaultProfile): string {
  const title = `${profile.name ?? 'custom profile'} (seed ${profile.seed ?? 1})${profile.description ? ` — ${profile.description}` : ''}`;
  return [title, ...profile.rules.map((rule) => `  ${describeFaultRule(rule)}`)].join('\n');
}
