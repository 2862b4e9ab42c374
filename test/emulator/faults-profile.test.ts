import { describe, expect, it } from 'vitest';
import {
  createEmulator,
  createManualClock,
  describeFaultProfile,
  faultPresetNames,
  faultPresets,
  FaultProfileError,
  parseFaultProfile,
  resolveFaultProfile,
} from '../../src/emulator';
import { compileRoutes } from '../../src/emulator/faults/match';
import { createRandom } from '../../src/emulator/faults/random';

const problemsOf = (value: unknown): readonly string[] => {
  try {
    parseFaultProfile(value);
  } catch (error) {
    expect(error).toBeInstanceOf(FaultProfileError);
    return (error as FaultProfileError).problems;
  }
  throw new Error('expected the profile to be refused');
};

describe('fault profiles', () => {
  it.each(faultPresetNames)('preset %s is a valid profile, named and described', (name) => {
    const preset = faultPresets[name];
    expect(parseFaultProfile(preset)).toEqual(preset);
    expect(resolveFaultProfile(name)).toEqual(preset);
    expect(preset.name).toBe(name);
    expect(preset.description).toMatch(/\w/);
  });

  it('says what to fix, for every problem, with where it is', () => {
    expect(
      problemsOf({
        seed: -1,
        colour: 'red',
        rules: [
          { kind: 'latency', rate: 2 },
          { kind: 'teleport' },
          { kind: 'truncate', when: 'before' },
          { kind: 'reset', when: 'before', at: 'body' },
          { kind: 'server-error', status: 418, burst: 0 },
          { kind: 'schema', rat: 0.1 },
          { kind: 'sse-cut', route: 'threads/*' },
          { kind: 'sse-stall', route: ['GET /v1/threads/*'] },
          { kind: 'slow-body', route: 'get /threads' },
          'server-error',
        ],
      }),
    ).toEqual([
      'colour is not a profile field (name, description, seed, rules)',
      'seed must be an integer from 0 to 4294967295, got -1',
      'rules[0].rate must be a number from 0 to 1, got 2',
      'rules[1].kind must be one of "latency", "server-error", "rate-limit", "reset", "truncate", "malformed", "schema", "sse-cut", "sse-stall", "slow-body", got "teleport"',
      'rules[2].when must be one of "after", got "before"',
      "rules[3]: a reset 'before' the request is processed can only happen at 'headers' (there is no body yet)",
      'rules[4].status must be one of 500, 502, 503, 504, got 418',
      'rules[4].burst must be an integer ≥ 1, got 0',
      'rules[5].rat is not a field of a schema fault (its fields: route, rate, when)',
      "rules[6].route 'threads/*' in 'threads/*' should start with '/'",
      "rules[7].route 'GET /v1/threads/*': patterns are over the path after /v1; write '/threads/*'",
      "rules[8].route 'get' in 'get /threads' is not an HTTP method in capitals (GET, POST, …) or *",
      'rules[9] must be an object like { "kind": "server-error", "rate": 0.1 }, got "server-error"',
    ]);
    expect(problemsOf({})).toEqual(['rules must be an array of fault rules, got undefined']);
    expect(problemsOf([])).toEqual(['expected an object like { "rules": [...] }, got []']);
  });

  it('the error message lists the problems, one per line', () => {
    expect(() => parseFaultProfile({ rules: [{ kind: 'latency', ms: -5 }] }, 'fault profile faults.json')).toThrow(
      'Invalid fault profile faults.json:\n  - rules[0].ms must be a number ≥ 0, got -5',
    );
  });

  it('an unknown preset name is refused with the list of presets, at creation and by set()', () => {
    const message = `'flakey' is not a fault preset; use one of ${faultPresetNames.join(', ')}, or a profile { rules: [...] }`;
    expect(() => createEmulator({ seed: false, faults: 'flakey' as 'flaky' })).toThrow(message);
    const emulator = createEmulator({ clock: createManualClock(0), seed: false, faults: 'outage' });
    expect(() => emulator.faults.set({ rules: [{ kind: 'latency', ms: Number.NaN }] })).toThrow(FaultProfileError);
    expect(emulator.faults.profile?.name).toBe('outage');
  });

  it('describes a profile for people, one rule per line', () => {
    expect(describeFaultProfile(faultPresets.flaky)).toBe(
      [
        'flaky (seed 1) — A bad day on a real network: occasional 503s, 429s, lost answers, slow and truncated responses',
        '  5 % latency 200–800 ms (before) on every request',
        '  8 % server-error 503 (before) on every request',
        '  4 % rate-limit 429, retry after 1000 ms (before) on every request',
        '  2 % reset at headers (after) on every request',
        '  1 % reset at body (after) on every request',
        '  3 % truncate keeping 50 % (after) on every request',
      ].join('\n'),
    );
    expect(describeFaultProfile({ seed: 4, rules: [{ kind: 'server-error', status: 502, burst: 3, route: ['POST /threads/*/runs', '/assistants'] }] })).toBe(
      'custom profile (seed 4)\n  100 % server-error 502 ×3 in a row (before) on POST /threads/*/runs, /assistants',
    );
  });
});

describe('fault route patterns', () => {
  it.each([
    ['POST /threads/*/runs/*/submit_tool_outputs', 'POST', '/threads/t/runs/r/submit_tool_outputs', true],
    ['POST /threads/:thread_id/runs/:run_id/submit_tool_outputs', 'POST', '/threads/t/runs/r/submit_tool_outputs', true],
    ['POST /threads/*/runs/*/submit_tool_outputs', 'GET', '/threads/t/runs/r/submit_tool_outputs', false],
    ['/threads/*/runs', 'GET', '/threads/t/runs', true],
    ['* /threads/*/runs', 'POST', '/threads/t/runs/', true],
    ['/threads/*/runs', 'GET', '/threads/t/runs/r', false],
    ['/threads/**', 'GET', '/threads', true],
    ['/threads/**', 'GET', '/threads/t/runs/r/steps', true],
    ['/threads/**/steps', 'GET', '/threads/t/runs/r/steps', true],
    ['/threads/**/steps', 'GET', '/threads/t/runs/r/steps/s', false],
    ['/assistants', 'GET', '/assistants/a', false],
  ] as const)('%s ~ %s %s → %s', (pattern, method, path, expected) => {
    expect(compileRoutes(pattern)(method, path)).toBe(expected);
  });

  it('no route matches everything', () => {
    expect(compileRoutes(undefined)('DELETE', '/anything/at/all')).toBe(true);
  });
});

describe('fault PRNG', () => {
  it('is a pure function of the seed, spread over [0, 1)', () => {
    const draws = (seed: number) => Array.from({ length: 1000 }, createRandom(seed));
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    const values = draws(1);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});
