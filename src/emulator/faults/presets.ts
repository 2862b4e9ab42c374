import type { FaultProfile } from './types.js';

// Plain data, checked like a user's JSON file (test/emulator/faults-profile.test.ts). Rates are per
// matching request; of the non-latency rules that fire together, the first listed wins.

const flaky = {
  name: 'flaky',
  description: 'A bad day on a real network: occasional 503s, 429s, lost answers, slow and truncated responses',
  rules: [
    { kind: 'latency', rate: 0.05, ms: 200, jitterMs: 600 },
    { kind: 'server-error', rate: 0.08, status: 503 },
    { kind: 'rate-limit', rate: 0.04, retryAfterMs: 1000 },
    { kind: 'reset', rate: 0.02, when: 'after', at: 'headers' },
    { kind: 'reset', rate: 0.01, when: 'after', at: 'body' },
    { kind: 'truncate', rate: 0.03 },
  ],
} as const satisfies FaultProfile;

const outage = {
  name: 'outage',
  description: 'Every request answers 503 until faults.set(null) ends the outage',
  rules: [{ kind: 'server-error', status: 503 }],
} as const satisfies FaultProfile;

const slow = {
  name: 'slow',
  description: 'Every answer starts 1–3 s late and trickles out 256 bytes per 100 ms',
  rules: [
    { kind: 'latency', ms: 1000, jitterMs: 2000 },
    { kind: 'slow-body', chunkBytes: 256, intervalMs: 100 },
  ],
} as const satisfies FaultProfile;

const stallingStreams = {
  name: 'stalling-streams',
  description: 'Every SSE stream goes silent after 3 events and holds the connection open until the client gives up',
  rules: [{ kind: 'sse-stall', afterEvents: 3 }],
} as const satisfies FaultProfile;

const brokenStreams = {
  name: 'broken-streams',
  description: 'Every SSE stream drops its connection in the middle of its 4th event',
  rules: [{ kind: 'sse-cut', afterEvents: 3 }],
} as const satisfies FaultProfile;

const badPayloads = {
  name: 'bad-payloads',
  description: 'Now and then an answer of the wrong shape (5 %) or not JSON at all (2 %)',
  rules: [
    { kind: 'schema', rate: 0.05 },
    { kind: 'malformed', rate: 0.02 },
  ],
} as const satisfies FaultProfile;

/** The named profiles `createEmulator({ faults: 'flaky' })` and `runlens-emulator --faults flaky` accept. */
export const faultPresets = {
  flaky,
  outage,
  slow,
  'stalling-streams': stallingStreams,
  'broken-streams': brokenStreams,
  'bad-payloads': badPayloads,
} as const satisfies Record<string, FaultProfile>;

export type FaultPresetName = keyof typeof faultPresets;

export const faultPresetNames = Object.keys(faultPresets) as FaultPresetName[];

export const isFaultPresetName = (name: string): name is FaultPresetName => Object.hasOwn(faultPresets, name);
