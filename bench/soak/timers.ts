// Counts pending setTimeout/setInterval timers of this thread. Imported before anything else, so
// React's scheduler, TanStack Query, the SDK and runlens all get the counting versions. The real
// timers still run: this is instrumentation, nothing is faked or delayed.

type TimerHandle = ReturnType<typeof setTimeout>;

const pending = new Map<TimerHandle, 'timeout' | 'interval'>();
const real = {
  setTimeout: globalThis.setTimeout,
  setInterval: globalThis.setInterval,
  clearTimeout: globalThis.clearTimeout,
  clearInterval: globalThis.clearInterval,
};

/** The handle a clear call names: Node also accepts the timer's numeric id. */
function findHandle(id: unknown): TimerHandle | undefined {
  if (typeof id === 'object' && id !== null) return id as TimerHandle;
  if (typeof id !== 'number' && typeof id !== 'string') return undefined;
  for (const handle of pending.keys()) if (Number(handle) === Number(id)) return handle;
  return undefined;
}

globalThis.setTimeout = Object.assign(
  (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle: TimerHandle = real.setTimeout(
      (...callArgs: unknown[]) => {
        pending.delete(handle);
        callback(...callArgs);
      },
      ms,
      ...args,
    );
    pending.set(handle, 'timeout');
    // refresh() re-arms a timer that may already have fired (undici's clock does this).
    const refresh = handle.refresh;
    handle.refresh = function (this: TimerHandle) {
      pending.set(handle, 'timeout');
      return refresh.call(this);
    };
    return handle;
  },
  real.setTimeout,
) as typeof setTimeout;

globalThis.setInterval = Object.assign(
  (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle = real.setInterval(callback, ms, ...args);
    pending.set(handle, 'interval');
    return handle;
  },
  real.setInterval,
) as typeof setInterval;

globalThis.clearTimeout = ((id?: Parameters<typeof clearTimeout>[0]) => {
  const handle = findHandle(id);
  if (handle) pending.delete(handle);
  real.clearTimeout(id);
}) as typeof clearTimeout;

globalThis.clearInterval = ((id?: Parameters<typeof clearInterval>[0]) => {
  const handle = findHandle(id);
  if (handle) pending.delete(handle);
  real.clearInterval(id);
}) as typeof clearInterval;

/** Timers set through the globals that have neither fired (timeouts) nor been cleared. */
export function liveTimers(): { timeouts: number; intervals: number } {
  let timeouts = 0;
  let intervals = 0;
  for (const kind of pending.values()) {
    if (kind === 'timeout') timeouts += 1;
    else intervals += 1;
  }
  return { timeouts, intervals };
}

/** The untouched setTimeout, for the bench's own waits (so they never show up in the count). */
export const benchSetTimeout = real.setTimeout;
export const benchClearTimeout = real.clearTimeout;
