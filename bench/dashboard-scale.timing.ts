/** Repeated timings and the table the dashboard benchmark prints. */

export interface Timed<T> {
  /** Milliseconds of each measured run (warm-up runs excluded). */
  ms: number[];
  /** What the last run returned (to compare answers between paths). */
  last: T;
}

export async function timeRuns<T>(
  run: () => Promise<T>,
  warmup: number,
  runs: number,
): Promise<Timed<T>> {
  let last: T | undefined;
  for (let i = 0; i < warmup; i += 1) last = await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    last = await run();
    ms.push(performance.now() - t0);
  }
  return { ms, last: last as T };
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

export interface Row {
  scenario: string;
  path: string;
  ms: number[];
  /** Timings of the rollup path this path is compared with (ratio this ÷ rollup). */
  ratioTo?: number[] | undefined;
}

const fmt = (x: number) => (x >= 10_000 ? x.toFixed(0) : x >= 100 ? x.toFixed(1) : x.toFixed(2));

export function printTable(rows: Row[], log: (line: string) => void): void {
  log(
    `${'scenario'.padEnd(44)} ${'path'.padEnd(27)} ${'n'.padStart(3)} ${'p50'.padStart(9)} ${'p95'.padStart(9)}  ÷ rollup, service (p50 / p95)`,
  );
  let previous = '';
  for (const r of rows) {
    const p50 = percentile(r.ms, 50);
    const p95 = percentile(r.ms, 95);
    const x = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
    const ratio = r.ratioTo
      ? `  ${x(p50 / percentile(r.ratioTo, 50))}× / ${x(p95 / percentile(r.ratioTo, 95))}×`
      : '';
    log(
      `${(r.scenario === previous ? '' : r.scenario).padEnd(44)} ${r.path.padEnd(27)} ${String(r.ms.length).padStart(3)} ${fmt(p50).padStart(9)} ${fmt(p95).padStart(9)}${ratio}`,
    );
    previous = r.scenario;
  }
}
