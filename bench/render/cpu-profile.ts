// BENCH_PROFILE=1: a CPU profile (CDP Profiler, 100 µs sampling) of the cold inspector mount only,
// summed by self time per function and per source module. The bench page is then built unminified
// with a source map, so functions keep their names and each line maps to its source module.
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Starts sampling once the page is ready to mount, releases it, and stops when the cold mount is done. */
export async function profileColdMount(page: Page): Promise<Profile> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await page.waitForFunction(() => window.__benchReady === true, null, { timeout: 120_000 });
  await cdp.send('Profiler.start');
  await page.evaluate(() => window.__benchGo?.());
  await page.waitForFunction(() => window.__benchColdDone === true, null, { timeout: 120_000, polling: 5 });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await page.evaluate(() => window.__benchResume?.());
  return profile;
}

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Line → source module, from a source map's first segment on each generated line (base64 VLQ). */
function regionsOf(mapJson: string): (line: number) => string {
  const map = JSON.parse(mapJson) as { sources: string[]; mappings: string };
  const lineSource: number[] = [];
  let source = 0;
  map.mappings.split(';').forEach((line, index) => {
    let first: number | undefined;
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = base64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      if (fields.length >= 4) {
        source += fields[1]!; // relative to the previous segment's source
        first ??= source;
      }
    }
    lineSource[index] = first ?? -1;
  });
  const name = (path: string) => path.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/');
  return (line) => (lineSource[line] ?? -1) >= 0 ? name(map.sources[lineSource[line]!]!) : '(bundle)';
}

/** Self time (ms) by function and by module, plus the total sampled, biggest first. */
export function summarize(profile: Profile, sourceMaps: Map<string, string>) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const regions = new Map([...sourceMaps].map(([url, map]) => [url, regionsOf(map)]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  let totalUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = [...regions.keys()].find((key) => url.endsWith(key));
    const module = file ? regions.get(file)!(lineNumber) : url ? url.replace(/^.*\//, '') : '(native)';
    const name = `${functionName || '(anonymous)'}  [${module}]`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byModule.set(module, (byModule.get(module) ?? 0) + us);
    totalUs += us;
  }
  // Each sample once, by the innermost frame that names a known cost (else by React phase, else "other JS").
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const moduleOf = (node: ProfileNode) => {
    const file = [...regions.keys()].find((key) => node.callFrame.url.endsWith(key));
    return file ? regions.get(file)!(node.callFrame.lineNumber) : node.callFrame.url;
  };
  const categoryOf = (id: number): string => {
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(garbage collector)' || leaf === '(program)' || leaf === '(idle)') return leaf;
    let react: string | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at)!;
      const name = node.callFrame.functionName;
      const module = moduleOf(node);
      if (/formatUnixTime|formatTokens|formatCost|DateTimeFormat|NumberFormat|toLocale/.test(name)) return 'Intl (formatting)';
      if (/zod\//.test(module) || name === 'parsePayload' || name === 'parse' && module === '') return 'parse (JSON + zod)';
      if (/src\/emulator\//.test(module)) return 'emulator';
      if (/listVirtualizer|virtualWindow|useListVirtualizer/.test(module)) return 'virtualizer';
      if (/query-core|react-query/.test(module)) return 'TanStack Query';
      if (/node_modules\/openai\//.test(module)) return 'openai SDK';
      if (!react && /^commit|flushPassiveEffects|flushLayoutEffects|flushMutationEffects/.test(name)) react = 'React commit';
      if (!react && /^(performUnitOfWork|beginWork|renderRootSync|workLoopSync|completeWork|renderWithHooks)$/.test(name)) react = 'React render';
    }
    return react ?? 'other JS';
  };
  const byCategory = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const category = categoryOf(id);
    byCategory.set(category, (byCategory.get(category) ?? 0) + us);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => ({ name, ms: us / 1000 }));
  return { totalMs: totalUs / 1000, categories: top(byCategory, 20), functions: top(byFunction, 30), modules: top(byModule, 25) };
}
