// What the page's main thread spent its time on (bench:live): CPU time of its tasks from a trace, and
// the BENCH_PROFILE / BENCH_TRACE breakdowns.

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export function printProfile(mode: string, cpu: CpuProfile): void {
  const byNode = new Map(cpu.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of cpu.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (id: number): string => {
    const frame = byNode.get(id)?.callFrame;
    return frame ? `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : '?';
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  cpu.samples.forEach((id, i) => {
    const ms = (cpu.timeDeltas[i] ?? 0) / 1000;
    self.set(name(id), (self.get(name(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const fn = byNode.get(at)?.callFrame.functionName || '';
      if (fn && !seen.has(fn)) {
        seen.add(fn);
        inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms);
      }
    }
  });
  const top = (map: Map<string, number>) => [...map].filter(([n]) => !n.startsWith('(idle)') && !n.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, 40);
  console.error(`  [${mode}] self time (ms) over the window:`);
  for (const [fn, ms] of top(self).slice(0, 20)) console.error(`    ${ms.toFixed(0).padStart(6)}  ${fn}`);
  console.error(`  [${mode}] inclusive time (ms) over the window:`);
  for (const [fn, ms] of top(inclusive)) console.error(`    ${ms.toFixed(0).padStart(6)}  ${fn}`);
}

export interface TraceEvent { name: string; ph: string; dur?: number; tdur?: number; ts: number; tid: number; pid: number; args?: { name?: string } }

/**
 * The page's main thread over the traced window: CPU ms its tasks used (thread time, `tdur`) and
 * their wall ms. On a busy machine a task's wall time includes the time the thread waited for a
 * core, so CPU time is what the page costs; TaskDuration (wall) is printed beside it.
 */
export function mainThreadTasks(trace: { traceEvents: TraceEvent[] }): { cpuMs: number; wallMs: number } {
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = trace.traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main && e.tid === main.tid && e.pid === main.pid)
    .sort((a, b) => a.ts - b.ts);
  let cpuMs = 0;
  let wallMs = 0;
  let end = -Infinity;
  for (const task of tasks) {
    if (task.ts < end) continue; // nested in the task before (a nested run loop): counted there
    end = task.ts + (task.dur ?? 0);
    cpuMs += (task.tdur ?? 0) / 1000;
    wallMs += (task.dur ?? 0) / 1000;
  }
  return { cpuMs, wallMs };
}

export function printTrace(mode: string, trace: { traceEvents: TraceEvent[] }): void {
  const main = trace.traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const events = trace.traceEvents.filter((e) => e.ph === 'X' && main && e.tid === main.tid && e.pid === main.pid);
  const total = new Map<string, number>();
  for (const e of events) total.set(e.name, (total.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  console.error(`  [${mode}] ${events.filter((e) => e.name === 'Paint').length} Paint, ${events.filter((e) => e.name === 'Layout').length} Layout, ${events.filter((e) => e.name === 'Commit').length} Commit`);
  console.error(`  [${mode}] main-thread trace events, total ms (nested events counted in their parents too):`);
  for (const [name, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.error(`    ${ms.toFixed(0).padStart(6)}  ${name}`);
}

