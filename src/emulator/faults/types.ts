// The fault profile: plain data (JSON files, presets, `emulator.faults.set()`), checked by profile.ts.

/** Which requests a rule applies to, and how often. Shared by every kind of fault. */
export interface FaultRuleBase {
  /**
   * Requests the rule applies to: `'METHOD /pattern'` or `'/pattern'` (any method), over the path after
   * `/v1`. In a pattern `*` (or a `:name` as in the route table) matches one segment and `**` any number.
   * Several patterns in an array match any of them. CORS preflights (OPTIONS) are never faulted.
   * @default every request
   * @example 'POST /threads/:thread_id/runs/:run_id/submit_tool_outputs'
   */
  route?: string | readonly string[];
  /**
   * The chance, 0–1, that a matching request gets the fault. Each matching rule draws one number per
   * request from the profile's seeded PRNG, in the order requests reach the handler.
   * @default 1
   */
  rate?: number;
}

/**
 * `before`: the request never reaches the API (a gateway answered), so nothing changes.
 * `after`: the request was processed and its effect kept; only the response is delayed, lost or damaged.
 */
export type FaultTiming = 'before' | 'after';

/** Waits `ms` + up to `jitterMs` of emulator time (the emulator's clock). Adds up with other faults. */
export interface LatencyFault extends FaultRuleBase {
  kind: 'latency';
  /** @default 0 */
  ms?: number;
  /** A uniform extra 0–`jitterMs`, drawn from the PRNG. @default 0 */
  jitterMs?: number;
  /** `before`: the request is processed late; `after`: it is processed at once, its answer arrives late. @default 'before' */
  when?: FaultTiming;
}

/** A 5xx in the API's error shape, `type: "server_error"`. */
export interface ServerErrorFault extends FaultRuleBase {
  kind: 'server-error';
  /** @default 503 */
  status?: 500 | 502 | 503 | 504;
  /** Once triggered, this many consecutive matching requests get it (the first included). @default 1 */
  burst?: number;
  /** @default 'before' */
  when?: FaultTiming;
}

/** A 429 `rate_limit_exceeded` with `retry-after` (seconds, ≥ 1) and `retry-after-ms` headers. */
export interface RateLimitFault extends FaultRuleBase {
  kind: 'rate-limit';
  /** @default 1000 */
  retryAfterMs?: number;
  /** @default 1 */
  burst?: number;
  /** @default 'before' */
  when?: FaultTiming;
}

/**
 * The connection drops. `at: 'headers'`: before any byte of the answer (the SDK's `fetch` rejects: an
 * `APIConnectionError`, which the SDK retries). `at: 'body'`: after the status, headers and `afterBytes`
 * of the body (reading the body fails: `TypeError: terminated`, not retried).
 */
export interface ResetFault extends FaultRuleBase {
  kind: 'reset';
  /** @default 'body' ('headers' when `when` is 'before') */
  at?: 'headers' | 'body';
  /** Body bytes sent before the drop. @default half of a JSON body; 512 bytes of a stream */
  afterBytes?: number;
  /** @default 'after' */
  when?: FaultTiming;
}

/** A JSON body cut short; the connection then ends cleanly (the client's JSON parse fails). */
export interface TruncateFault extends FaultRuleBase {
  kind: 'truncate';
  /** The share of the body kept, 0–1 (at least one byte is dropped). @default 0.5 */
  keep?: number;
  /** Damage is always done to the answer of a processed request. @default 'after' */
  when?: 'after';
}

/** A JSON body that is not JSON (a doubled comma); in a stream, the first event's `data`. */
export interface MalformedFault extends FaultRuleBase {
  kind: 'malformed';
  /** @default 'after' */
  when?: 'after';
}

/**
 * Valid JSON of the wrong shape: a list page without `data`, an object whose `status` is a number (else
 * `created_at` a string, else `id` a number), an error whose `error` is a string. In a stream, the first event.
 */
export interface SchemaFault extends FaultRuleBase {
  kind: 'schema';
  /** @default 'after' */
  when?: 'after';
}

/** An SSE stream that sends `afterEvents` whole events, half of the next, then drops the connection. */
export interface SseCutFault extends FaultRuleBase {
  kind: 'sse-cut';
  /** @default 2 */
  afterEvents?: number;
  /** @default 'after' */
  when?: 'after';
}

/** An SSE stream that sends `afterEvents` events, then nothing, holding the connection until the client leaves. */
export interface SseStallFault extends FaultRuleBase {
  kind: 'sse-stall';
  /** @default 3 */
  afterEvents?: number;
  /** @default 'after' */
  when?: 'after';
}

/** A body (JSON or SSE) that trickles out: `chunkBytes` at a time, `intervalMs` of emulator time apart. */
export interface SlowBodyFault extends FaultRuleBase {
  kind: 'slow-body';
  /** @default 64 */
  chunkBytes?: number;
  /** @default 100 */
  intervalMs?: number;
  /** @default 'after' */
  when?: 'after';
}

export type FaultRule =
  | LatencyFault
  | ServerErrorFault
  | RateLimitFault
  | ResetFault
  | TruncateFault
  | MalformedFault
  | SchemaFault
  | SseCutFault
  | SseStallFault
  | SlowBodyFault;

export type FaultKind = FaultRule['kind'];

/**
 * What fails, where and how often. Latency rules add up; of the other rules that fire on a request,
 * the first in `rules` order that fits the response wins.
 * @example { seed: 7, rules: [{ kind: 'server-error', status: 503, rate: 0.1, burst: 3 }] }
 */
export interface FaultProfile {
  /** Shown by the CLI at start. @default none (shown as 'custom profile') */
  name?: string;
  /** One line on what the profile is for, shown by the CLI. @default none */
  description?: string;
  /** Seeds the PRNG: the same seed and the same requests give the same faults. @default 1 */
  seed?: number;
  rules: readonly FaultRule[];
}
