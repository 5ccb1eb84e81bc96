import type { LoadOptions } from './load.args';
import type { ServerProcess } from './load.child';
import { type Measured, run, settle } from './load.run';
import { draftPool, readMix, writeMix } from './load.scenarios';

const MB = 1024 * 1024;
/** The memory goals: flat (no growth trend) and under this. */
export const RSS_LIMIT_MB = 300;
/** "Flat": the fitted line grows less than this over the fitted window. */
export const FLAT_GROWTH_MB = 10;

export interface MemoryResult {
  seconds: number;
  samples: { t: number; rssMb: number; heapMb: number }[];
  /** Least-squares slope of RSS over the samples after the first fifth (warm-up). */
  slopeMbPerMinute: number;
  growthOverWindowMb: number;
  maxRssMb: number;
  flat: boolean;
  underLimit: boolean;
  reads: Measured;
  writes: Measured;
}

/** Least-squares slope (y per unit of x). */
export function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * A steady mixed load for `memorySeconds`: the read scenarios in turn on most connections, and
 * submissions + Open311 reports at a fixed rate on ten more, while the server's RSS is sampled.
 */
export async function runMemory(
  server: ServerProcess,
  options: LoadOptions,
  log: (line: string) => void,
): Promise<MemoryResult> {
  const seconds = options.memorySeconds;
  const writeConnections = 10;
  // Half the writes are submissions; a fifth more drafts than needed, so the pool never runs out.
  draftPool.add(await server.drafts(Math.ceil((seconds * options.memoryWriteRate * 1.2) / 2) + 50));
  const f = server.fixtures;
  const samples: MemoryResult['samples'] = [];
  const started = Date.now();
  const sample = async () => {
    const m = await server.memory();
    samples.push({ t: (Date.now() - started) / 1000, rssMb: m.rss / MB, heapMb: m.heapUsed / MB });
  };
  await sample();
  const timer = setInterval(() => void sample(), options.sampleSeconds * 1000);
  log(
    `memory: ${seconds} s of steady load (${Math.max(1, options.connections - writeConnections)} connections of reads, ${writeConnections} of writes at ${options.memoryWriteRate}/s), RSS every ${options.sampleSeconds} s…`,
  );
  const [reads, writes] = await Promise.all([
    run(
      { url: f.appUrl, connections: Math.max(1, options.connections - writeConnections), seconds },
      () => readMix(f),
    ),
    run(
      {
        url: f.appUrl,
        connections: writeConnections,
        seconds,
        overallRate: options.memoryWriteRate,
      },
      (control) => writeMix(f, control),
    ),
  ]);
  clearInterval(timer);
  await sample();
  await settle();

  const fitted = samples.slice(Math.floor(samples.length / 5));
  const perSecond = slope(fitted.map((s) => ({ x: s.t, y: s.rssMb })));
  const window = (fitted.at(-1)?.t ?? 0) - (fitted[0]?.t ?? 0);
  const maxRssMb = Math.max(...samples.map((s) => s.rssMb));
  return {
    seconds,
    samples,
    slopeMbPerMinute: perSecond * 60,
    growthOverWindowMb: perSecond * window,
    maxRssMb,
    flat: perSecond * window < FLAT_GROWTH_MB,
    underLimit: maxRssMb < RSS_LIMIT_MB,
    reads,
    writes,
  };
}
