import type { ProfilerOnRenderCallback } from 'react';

// Where a mount's time goes, measured in the page: fetch (the in-page emulator answering: request
// start → response), parse (JSON.parse + the zod schema the client checks the body against), render
// (React's <Profiler> actualDuration) and commit (each commit's DOM mutations and layout effects, up
// to the outer <Profiler>'s onRender, plus passive effects). Whatever else the mount → visible time
// holds (the SDK and query layers, scheduling gaps, style/layout/paint of the frame) is "other".

export interface Phases {
  fetchMs: number;
  parseMs: number;
  renderMs: number;
  commitMs: number;
  /** What happened in the window, in order (BENCH_VERBOSE prints it): each request, parse and React commit, at ms after mount. */
  events: string[];
}

interface MountWindow {
  start: number;
  end: number;
  fetches: [number, number][];
  parseMs: number;
  renderMs: number;
  commitMs: number;
  events: string[];
}

let current: MountWindow | null = null;
let parseDepth = 0;
let parseStart = 0;

/** Time spent in `fn` while a window is open, outermost calls only (schemas nest). */
function timedParse<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return function (this: unknown, ...args: A): R {
    if (parseDepth++ === 0) parseStart = performance.now();
    try {
      return fn.apply(this, args);
    } finally {
      if (--parseDepth === 0 && current) {
        const ms = performance.now() - parseStart;
        current.parseMs += ms;
        current.events.push(`${(parseStart - current.start).toFixed(1)} parse ${ms.toFixed(1)}`);
      }
    }
  };
}

interface ZodLike {
  _zod?: { run?: (...args: unknown[]) => unknown };
}

/**
 * Times JSON.parse and the top-level runs of the given schemas (the ones the client parses bodies
 * with). Wrapping `_zod.run` (what zod's parse/safeParse call, classic and mini alike) keeps the
 * client untouched.
 */
export function instrumentParse(schemas: Record<string, unknown>): string[] {
  JSON.parse = timedParse(JSON.parse);
  const missing: string[] = [];
  for (const [name, schema] of Object.entries(schemas)) {
    const zod = (schema as ZodLike | undefined)?._zod;
    if (zod && typeof zod.run === 'function') zod.run = timedParse(zod.run);
    else missing.push(name);
  }
  return missing;
}

/** Wraps the emulator's fetch so each request's start → response counts as fetch time. */
export function timedFetch(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const start = performance.now();
    try {
      return await fetch(input, init);
    } finally {
      current?.fetches.push([start, performance.now()]);
      if (current) current.events.push(`${(start - current.start).toFixed(1)} fetch ${String(input).replace(/^.*\/v1/, '')} ${(performance.now() - start).toFixed(1)}`);
    }
  }) as typeof globalThis.fetch;
}

/** The outer <Profiler>'s onRender: render is actualDuration, commit runs from commitTime to now. */
export const onRender: ProfilerOnRenderCallback = (_id, phase, actualDuration, _base, _start, commitTime) => {
  if (!current) return;
  const now = performance.now();
  current.renderMs += actualDuration;
  current.commitMs += now - commitTime;
  current.events.push(`${(commitTime - current.start).toFixed(1)} ${phase} render ${actualDuration.toFixed(1)} commit ${(now - commitTime).toFixed(1)}`);
};

/** The outer <Profiler>'s onPostCommit: passive effects (useEffect) count as commit. */
export const onPostCommit = (_id: string, _phase: string, passiveEffectDuration: number): void => {
  if (current) current.commitMs += passiveEffectDuration;
};

export function openWindow(): void {
  current = { start: performance.now(), end: Infinity, fetches: [], parseMs: 0, renderMs: 0, commitMs: 0, events: [] };
}

/** Closes the window; fetch time is the union of the request intervals inside it (requests overlap). */
export function closeWindow(): Phases {
  const closing = current as MountWindow;
  current = null;
  closing.end = performance.now();
  const sorted = closing.fetches.map(([a, b]) => [Math.max(a, closing.start), Math.min(b, closing.end)] as const).sort((a, b) => a[0] - b[0]);
  let fetchMs = 0;
  let reach = -Infinity;
  for (const [a, b] of sorted) {
    if (b <= reach) continue;
    fetchMs += b - Math.max(a, reach);
    reach = b;
  }
  return { fetchMs, parseMs: closing.parseMs, renderMs: closing.renderMs, commitMs: closing.commitMs, events: closing.events };
}
