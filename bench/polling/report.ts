import { percentile } from '../stats';

/** What one trial measured. */
export interface Sample {
  staleness: number[];
  total: number;
  polls: number;
  wallMs: number;
  finalStatus: string;
}

export interface Row {
  name: string;
  total: number;
  polls: number;
  p50: number;
  p95: number;
  transitions: number;
  lifecycles: number;
  wall: number;
  finals: string;
}


const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

export function summarize(name: string, samples: Sample[]): Row {
  const staleness = samples.flatMap((s) => s.staleness);
  return {
    name,
    total: mean(samples.map((s) => s.total)),
    polls: mean(samples.map((s) => s.polls)),
    p50: percentile(staleness, 50),
    p95: percentile(staleness, 95),
    transitions: staleness.length,
    lifecycles: samples.length,
    wall: mean(samples.map((s) => s.wallMs)) / 1000,
    finals: [...new Set(samples.map((s) => s.finalStatus))].join(', '),
  };
}

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n### ${title}\n`);
  console.log('| strategy | requests / lifecycle (all) | run polls / lifecycle | staleness p50 (ms) | staleness p95 (ms) | transitions (lifecycles) | lifecycle (s) | final |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.total.toFixed(1)} | ${r.polls.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.transitions} (${r.lifecycles}) | ${r.wall.toFixed(1)} | ${r.finals} |`,
    );
  }
}

export const verdict = (met: boolean): string => (met ? 'MET' : 'NOT MET');
