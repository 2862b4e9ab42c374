/** Where the emulator reads time from. Injected so tests can move time by hand. */
export interface Clock {
  /** Current emulator time, epoch ms. */
  now(): number;
  /** Resolves once `ms` of emulator time has passed; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Emulator ms per wall-clock ms, when the clock runs at a fixed rate (system clocks).
   * Used to turn `openai-poll-after-ms` into wall time, which is what a polling client sleeps.
   * @default 1
   */
  readonly speed?: number;
}

/** A clock that moves only when told to. */
export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

interface Sleeper {
  target: number;
  resolve(): void;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * A clock for tests: `sleep()` resolves when `advance()`/`set()` moves time past its target.
 * @example
 * const clock = createManualClock(Date.UTC(2026, 0, 1));
 * clock.advance(1_000);
 */
export function createManualClock(startMs: number = Date.now()): ManualClock {
  let current = startMs;
  const sleepers = new Set<Sleeper>();

  function wakeDue(): void {
    const due = [...sleepers].filter((s) => s.target <= current).sort((a, b) => a.target - b.target);
    for (const sleeper of due) {
      sleepers.delete(sleeper);
      sleeper.resolve();
    }
  }

  return {
    now: () => current,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      if (ms <= 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const sleeper: Sleeper = {
          target: current + ms,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        // Drop the sleeper on abort so a closed stream leaves nothing behind.
        const onAbort = (): void => {
          sleepers.delete(sleeper);
          reject(abortReason(signal as AbortSignal));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.add(sleeper);
      });
    },
    advance(ms) {
      current += ms;
      wakeDue();
    },
    set(ms) {
      current = ms;
      wakeDue();
    },
  };
}

/**
 * Wall-clock time, running `speed` times faster than real time from the moment of creation.
 * @example createSystemClock({ speed: 50 }) // 1 real second = 50 emulator seconds
 */
export function createSystemClock(options: { speed?: number } = {}): Clock {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const startMs = Date.now();
  const startPerf = performance.now();
  return {
    speed,
    now: () => Math.floor(startMs + (performance.now() - startPerf) * speed),
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          clearTimeout(timer);
          reject(abortReason(signal as AbortSignal));
        };
        const timer = setTimeout(
          () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          Math.max(0, Math.ceil(ms / speed)),
        );
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
