import { routeProblem } from './match.js';
import { faultPresetNames, faultPresets, isFaultPresetName, type FaultPresetName } from './presets.js';
import type { FaultKind, FaultProfile, FaultRule } from './types.js';

/** A fault profile that cannot be used; the message lists every problem with where it is. */
export class FaultProfileError extends Error {
  constructor(readonly problems: readonly string[], source = 'fault profile') {
    super(`Invalid ${source}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'FaultProfileError';
  }
}

type Check = (value: unknown) => string | undefined;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

const number = (min: number, max = Infinity, integer = false): Check => (value) =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))
    ? undefined
    : `must be ${integer ? 'an integer' : 'a number'} ${max === Infinity ? `≥ ${min}` : `from ${min} to ${max}`}, got ${shown(value)}`;
const oneOf = (...allowed: readonly unknown[]): Check => (value) =>
  allowed.includes(value) ? undefined : `must be one of ${allowed.map(shown).join(', ')}, got ${shown(value)}`;
const route: Check = (value) => {
  const specs = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(specs) || specs.some((spec) => typeof spec !== 'string')) return `must be a string or an array of strings, got ${shown(value)}`;
  return (specs as string[]).map(routeProblem).find(Boolean);
};

const base = { route, rate: number(0, 1) };
const fraction = number(0, 1);
const ms = number(0);
const count = number(0, Infinity, true);
const afterOnly = oneOf('after');
const eitherTiming = oneOf('before', 'after');

// Every field of every kind, checked by the compiler against types.ts: one list, no drift.
type FieldChecks<R> = { [K in Exclude<keyof R, 'kind'>]-?: Check };
const fieldChecks: { [K in FaultKind]: FieldChecks<Extract<FaultRule, { kind: K }>> } = {
  latency: { ...base, ms, jitterMs: ms, when: eitherTiming },
  'server-error': { ...base, status: oneOf(500, 502, 503, 504), burst: number(1, Infinity, true), when: eitherTiming },
  'rate-limit': { ...base, retryAfterMs: ms, burst: number(1, Infinity, true), when: eitherTiming },
  reset: { ...base, at: oneOf('headers', 'body'), afterBytes: count, when: eitherTiming },
  truncate: { ...base, keep: fraction, when: afterOnly },
  malformed: { ...base, when: afterOnly },
  schema: { ...base, when: afterOnly },
  'sse-cut': { ...base, afterEvents: count, when: afterOnly },
  'sse-stall': { ...base, afterEvents: count, when: afterOnly },
  'slow-body': { ...base, chunkBytes: number(1, Infinity, true), intervalMs: ms, when: afterOnly },
};
const kinds = Object.keys(fieldChecks) as FaultKind[];

function ruleProblems(rule: unknown, at: string): string[] {
  if (!isRecord(rule)) return [`${at} must be an object like { "kind": "server-error", "rate": 0.1 }, got ${shown(rule)}`];
  const kind = rule.kind as FaultKind;
  const checks: Record<string, Check> | undefined = kinds.includes(kind) ? fieldChecks[kind] : undefined;
  if (!checks) return [`${at}.kind must be one of ${kinds.map(shown).join(', ')}, got ${shown(rule.kind)}`];
  const problems = Object.entries(rule).flatMap(([field, value]) => {
    if (field === 'kind') return [];
    const check = checks[field];
    if (!check) return [`${at}.${field} is not a field of a ${kind} fault (its fields: ${Object.keys(checks).join(', ')})`];
    const problem = check(value);
    return problem ? [`${at}.${field} ${problem}`] : [];
  });
  if (kind === 'reset' && rule.when === 'before' && rule.at === 'body') {
    problems.push(`${at}: a reset 'before' the request is processed can only happen at 'headers' (there is no body yet)`);
  }
  return problems;
}

/** Checks a profile from JSON or code; returns it (rules copied), or throws FaultProfileError. */
export function parseFaultProfile(value: unknown, source?: string): FaultProfile {
  if (!isRecord(value)) throw new FaultProfileError([`expected an object like { "rules": [...] }, got ${shown(value)}`], source);
  const problems: string[] = [];
  for (const field of Object.keys(value)) {
    if (!['name', 'description', 'seed', 'rules'].includes(field)) problems.push(`${field} is not a profile field (name, description, seed, rules)`);
  }
  for (const field of ['name', 'description'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') problems.push(`${field} must be a string, got ${shown(value[field])}`);
  }
  if (value.seed !== undefined) {
    const problem = number(0, 0xffffffff, true)(value.seed);
    if (problem) problems.push(`seed ${problem}`);
  }
  if (!Array.isArray(value.rules)) problems.push(`rules must be an array of fault rules, got ${shown(value.rules)}`);
  else value.rules.forEach((rule, i) => problems.push(...ruleProblems(rule, `rules[${i}]`)));
  if (problems.length > 0) throw new FaultProfileError(problems, source);
  return { ...(value as unknown as FaultProfile), rules: [...(value.rules as FaultRule[])] };
}

/** A preset's profile for its name, or the profile itself, checked; `null` means no faults. */
export function resolveFaultProfile(profile: FaultProfile | FaultPresetName | null | undefined): FaultProfile | null {
  if (profile === null || profile === undefined) return null;
  if (typeof profile !== 'string') return parseFaultProfile(profile);
  if (isFaultPresetName(profile)) return parseFaultProfile(faultPresets[profile], `fault preset '${profile}'`);
  const names = faultPresetNames.join(', ');
  throw new FaultProfileError([`'${profile}' is not a fault preset; use one of ${names}, or a profile { rules: [...] }`], 'fault preset');
}
